package blog.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Tells robots from people by their {@code User-Agent}, with the crawler-user-agents list
 * (github.com/monperrus/crawler-user-agents, its npm package, fetched by the build at the
 * version the pom names): about 1,500 patterns, each tagged with what the robot does. No
 * {@code User-Agent} at all is a robot too. What each {@code User-Agent} seen lately is,
 * is remembered, so that a reader's requests after the first cost one look-up.
 */
@Component
class Robots {

	private static final Log logger = LogFactory.getLog(Robots.class);

	/** the list, as the build puts it on the class path */
	static final String LIST = "stats/crawler-user-agents.json";

	/** longer {@code User-Agent}s are not looked at: no browser sends one */
	private static final int LONGEST = 1000;

	/** what a robot does, as the desk groups them; the list's tags, first match first */
	enum Kind {

		FEED("feed-reader"), PREVIEW("social-preview"), MONITOR("monitoring"), SEARCH("search-engine"),
		AI("ai-crawler"), OTHER("");

		private final String tag;

		Kind(String tag) {
			this.tag = tag;
		}

		static Kind of(List<String> tags) {
			for (Kind kind : values()) {
				if (tags.contains(kind.tag)) {
					return kind;
				}
			}
			return OTHER;
		}

		/** the name the counts are kept under */
		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * One pattern of the list, with a piece of text every match holds (so that most
	 * patterns are passed over with a {@code contains}, not a match), when it has one.
	 */
	private record Rule(Kind kind, Pattern pattern, @Nullable String literal) {

		boolean matches(String userAgent) {
			return (this.literal == null || userAgent.contains(this.literal)) && this.pattern.matcher(userAgent).find();
		}

	}

	/**
	 * the list's rules, first kind first: read on a thread of their own, off the start
	 */
	private final CompletableFuture<List<Rule>> rules = new CompletableFuture<>();

	/** each {@code User-Agent} seen lately: empty for a person's */
	private final Cache<String, Optional<Kind>> seen = Caffeine.newBuilder().maximumSize(10_000).build();

	/** made once rather than once a request */
	private final Function<String, Optional<Kind>> match = this::match;

	Robots() {
		this(() -> new ClassPathResource(LIST).getInputStream());
	}

	Robots(ListSource list) {
		Thread reader = new Thread(() -> {
			try {
				this.rules.complete(read(list));
			}
			catch (IOException | RuntimeException ex) {
				logger.error("The robots' list (" + LIST + ") could not be read: every visit counts as a person's", ex);
				this.rules.complete(List.of());
			}
		}, "robots-list");
		reader.setDaemon(true);
		reader.start();
	}

	/** where the list comes from */
	interface ListSource {

		InputStream open() throws IOException;

	}

	private static List<Rule> read(ListSource source) throws IOException {
		List<Rule> rules = new ArrayList<>();
		int refused = 0;
		try (InputStream list = source.open()) {
			JsonNode entries = JsonMapper.builder().build().readTree(list);
			for (JsonNode entry : entries) {
				String pattern = entry.path("pattern").asString("");
				List<String> tags = new ArrayList<>();
				entry.path("tags").forEach((tag) -> tags.add(tag.asString("")));
				if (pattern.isEmpty()) {
					continue;
				}
				try {
					rules.add(new Rule(Kind.of(tags), Pattern.compile(pattern), literal(pattern)));
				}
				catch (PatternSyntaxException ex) {
					refused++;
				}
			}
		}
		if (rules.isEmpty()) {
			throw new IllegalStateException(LIST + " holds no patterns");
		}
		if (refused > 0) {
			logger.debug(refused + " of the robots' patterns are not Java regular expressions, left out");
		}
		rules.sort(java.util.Comparator.comparing(Rule::kind));
		return List.copyOf(rules);
	}

	/**
	 * @return the longest run of plain characters (3 or more) that every match of the
	 * pattern holds, or null when it has none (an alternative at its top, a flag, a class
	 * or a quantifier in every run)
	 */
	static @Nullable String literal(String pattern) {
		if (pattern.contains("|") || pattern.startsWith("(?")) {
			return null;
		}
		String longest = null;
		StringBuilder run = new StringBuilder();
		for (int i = 0; i <= pattern.length(); i++) {
			char c = (i < pattern.length()) ? pattern.charAt(i) : '\0';
			if (i < pattern.length() && c == '\\' && i + 1 < pattern.length()
					&& "/.-_ ()[]+?*{}$^:;=".indexOf(pattern.charAt(i + 1)) >= 0) {
				run.append(pattern.charAt(++i));
				continue;
			}
			if (i < pattern.length() && (Character.isLetterOrDigit(c) || " /-_:;=,@!'&%#~".indexOf(c) >= 0)) {
				run.append(c);
				continue;
			}
			// a quantifier makes the character before it optional
			if (c == '?' || c == '*' || c == '{') {
				if (run.length() > 0) {
					run.setLength(run.length() - 1);
				}
			}
			if (run.length() >= 3 && (longest == null || run.length() > longest.length())) {
				longest = run.toString();
			}
			run.setLength(0);
			if (c == '[' || c == '(') {
				// what a class or group holds is not plain text: skip to its end
				int depth = 0;
				for (; i < pattern.length(); i++) {
					char d = pattern.charAt(i);
					if (d == '\\') {
						i++;
					}
					else if (d == '[' || d == '(') {
						depth++;
					}
					else if ((d == ']' || d == ')') && --depth == 0) {
						break;
					}
				}
				if (i + 1 < pattern.length() && "?*{".indexOf(pattern.charAt(i + 1)) >= 0) {
					i++;
				}
			}
			else if (c == '\\') {
				i++; // \d, \s, \b...: not plain text
			}
		}
		return longest;
	}

	/**
	 * @param userAgent a request's {@code User-Agent}
	 * @return what kind of robot sent it, or null for a person's browser
	 */
	@Nullable Kind kind(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank() || userAgent.length() > LONGEST) {
			return Kind.OTHER;
		}
		return this.seen.get(userAgent, this.match).orElse(null);
	}

	private Optional<Kind> match(String userAgent) {
		for (Rule rule : this.rules.join()) {
			if (rule.matches(userAgent)) {
				return Optional.of(rule.kind());
			}
		}
		return Optional.empty();
	}

}
