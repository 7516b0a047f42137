package blog.admin;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import blog.comment.Comment;
import blog.comment.CommentProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code desk.properties} and what reads it agree: a key a page or the desk's code asks
 * for and the bundle lacks shows as {@code ??key_en??}, and only once that page is open.
 * Read from the sources, without the application.
 */
class DeskMessagesTests {

	private static final Path RESOURCES = Path.of("src/main/resources");

	private static final Path TEMPLATES = RESOURCES.resolve("templates/admin");

	private static final Path CODE = Path.of("src/main/java/blog/admin");

	/** a {@code th:*} attribute and its value */
	private static final Pattern ATTRIBUTE = Pattern.compile("th:([\\w-]+)=\"([^\"]*)\"");

	/** a message key in an expression, once {@code __…__} is made {@code *} */
	private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([\\w.*-]+)");

	private static final Pattern CODE_KEY = Pattern.compile("\"(desk\\.[\\w.-]+)\"");

	/** the keys a page builds by preprocessing, and the values it builds them from */
	private static final Map<String, List<String>> BUILT = Map.of("desk.status.*", names(Comment.Status.values()),
			"desk.mode.*", names(CommentProperties.Moderation.values()));

	@Test
	void everyKeyThePagesUseShouldBeInTheBundle() throws IOException {
		assertThat(templateKeys()).isNotEmpty().isSubsetOf(bundle().stringPropertyNames());
	}

	@Test
	void everyKeyTheCodeUsesShouldBeInTheBundle() throws IOException {
		assertThat(codeKeys()).isNotEmpty().isSubsetOf(bundle().stringPropertyNames());
	}

	@Test
	void everyKeyInTheBundleShouldBeUsed() throws IOException {
		Set<String> used = new TreeSet<>(templateKeys());
		used.addAll(codeKeys());
		assertThat(bundle().stringPropertyNames()).allSatisfy((key) -> assertThat(key).startsWith("desk."))
			.isSubsetOf(used);
	}

	@Test
	void keysBuiltByThePagesShouldBeKnownHere() throws IOException {
		for (Path template : templates()) {
			for (String key : keys(Files.readString(template))) {
				if (key.contains("*")) {
					assertThat(BUILT).as(template + " builds " + key + ": name its values here").containsKey(key);
				}
			}
		}
	}

	@Test
	void htmlMessagesShouldBeReadWithUtextAndOthersWithText() throws IOException {
		for (Path template : templates()) {
			Matcher attribute = ATTRIBUTE.matcher(Files.readString(template));
			while (attribute.find()) {
				boolean html = attribute.group(1).equals("utext");
				assertThat(keys(attribute.group(2))).as(template + ": th:" + attribute.group(1))
					.allSatisfy((key) -> assertThat(key.endsWith(".html")).isEqualTo(html));
			}
		}
	}

	@Test
	void apostrophesShouldBeWrittenForHowTheMessageIsFormatted() throws IOException {
		Properties bundle = bundle();
		for (String key : bundle.stringPropertyNames()) {
			String message = bundle.getProperty(key);
			if (message.contains("{")) {
				// given arguments, so formatted: '' is one apostrophe, a lone ' starts a
				// quote
				assertThat(message.replace("''", "")).as(key).doesNotContain("'");
				assertThat(new MessageFormat(message, Locale.ENGLISH).toPattern()).as(key).isNotEmpty();
			}
			else {
				// given none, so shown as written
				assertThat(message).as(key).doesNotContain("''");
			}
		}
	}

	@Test
	void theReadersBundleShouldNotHideADeskKey() throws IOException {
		// messages comes first in spring.messages.basename: the same key there would win
		Properties readers = load(RESOURCES.resolve("messages.properties"));
		assertThat(readers.stringPropertyNames()).doesNotContainAnyElementsOf(bundle().stringPropertyNames());
	}

	@Test
	void countsShouldBeWordedForOneAndForMany() throws IOException {
		Properties bundle = bundle();
		Function<Object[], String> count = (
				arguments) -> new MessageFormat(bundle.getProperty("desk.count"), Locale.ENGLISH).format(arguments);
		assertThat(count.apply(new Object[] { 0L })).isEqualTo("0 comments");
		assertThat(count.apply(new Object[] { 1L })).isEqualTo("1 comment");
		assertThat(count.apply(new Object[] { 1234L })).as("never grouped").isEqualTo("1234 comments");
		assertThat(new MessageFormat(bundle.getProperty("desk.moderation.now"), Locale.ENGLISH)
			.format(new Object[] { "links" })).isEqualTo("Moderation is now 'links'.");
	}

	private static Set<String> templateKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		for (Path template : templates()) {
			for (String key : keys(Files.readString(template))) {
				if (key.contains("*")) {
					BUILT.getOrDefault(key, List.of()).forEach((value) -> keys.add(key.replace("*", value)));
				}
				else {
					keys.add(key);
				}
			}
		}
		return keys;
	}

	private static List<String> keys(String text) {
		List<String> keys = new ArrayList<>();
		Matcher key = TEMPLATE_KEY.matcher(text.replaceAll("__.*?__", "*"));
		while (key.find()) {
			keys.add(key.group(1));
		}
		return keys;
	}

	private static Set<String> codeKeys() throws IOException {
		Set<String> keys = new TreeSet<>();
		try (Stream<Path> files = Files.list(CODE)) {
			for (Path file : files.filter((file) -> file.toString().endsWith(".java")).toList()) {
				String code = Files.readString(file);
				if (!code.contains("MessageSource")) {
					continue; // "desk.action" names a log event, not a message
				}
				Matcher key = CODE_KEY.matcher(code);
				while (key.find()) {
					keys.add(key.group(1));
				}
			}
		}
		return keys;
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			return files.filter((file) -> file.toString().endsWith(".html")).sorted().toList();
		}
	}

	private static Properties bundle() throws IOException {
		return load(RESOURCES.resolve("desk.properties"));
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}

	private static List<String> names(Enum<?>[] values) {
		return Stream.of(values).map((value) -> value.name().toLowerCase(Locale.ROOT)).toList();
	}

}
