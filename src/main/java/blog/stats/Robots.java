package blog.stats;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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

	/** one pattern of all the list's patterns for each kind, tried in the kinds' order */
	private final Map<Kind, Pattern> patterns;

	/** each {@code User-Agent} seen lately: empty for a person's */
	private final Cache<String, Optional<Kind>> seen = Caffeine.newBuilder().maximumSize(10_000).build();

	Robots() throws IOException {
		this(new ClassPathResource(LIST).getInputStream());
	}

	Robots(InputStream list) throws IOException {
		Map<Kind, List<String>> byKind = new EnumMap<>(Kind.class);
		int refused = 0;
		try (list) {
			JsonNode entries = JsonMapper.builder().build().readTree(list);
			for (JsonNode entry : entries) {
				String pattern = entry.path("pattern").asString("");
				List<String> tags = new ArrayList<>();
				entry.path("tags").forEach((tag) -> tags.add(tag.asString("")));
				try {
					Pattern.compile(pattern);
				}
				catch (PatternSyntaxException ex) {
					refused++;
					continue;
				}
				if (!pattern.isEmpty()) {
					byKind.computeIfAbsent(Kind.of(tags), (kind) -> new ArrayList<>()).add(pattern);
				}
			}
		}
		Map<Kind, Pattern> patterns = new EnumMap<>(Kind.class);
		byKind.forEach((kind, each) -> patterns.put(kind, Pattern.compile("(?:" + String.join(")|(?:", each) + ")")));
		this.patterns = patterns;
		int count = byKind.values().stream().mapToInt(List::size).sum();
		if (count == 0) {
			throw new IllegalStateException(LIST + " holds no patterns: every visit would count as a person's");
		}
		if (refused > 0) {
			logger.debug(refused + " of the robots' patterns are not Java regular expressions, left out");
		}
	}

	/**
	 * @param userAgent a request's {@code User-Agent}
	 * @return what kind of robot sent it, or null for a person's browser
	 */
	@Nullable Kind kind(@Nullable String userAgent) {
		if (userAgent == null || userAgent.isBlank() || userAgent.length() > LONGEST) {
			return Kind.OTHER;
		}
		return this.seen.get(userAgent, this::match).orElse(null);
	}

	private Optional<Kind> match(String userAgent) {
		for (Map.Entry<Kind, Pattern> each : this.patterns.entrySet()) {
			if (each.getValue().matcher(userAgent).find()) {
				return Optional.of(each.getKey());
			}
		}
		return Optional.empty();
	}

}
