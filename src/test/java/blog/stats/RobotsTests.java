package blog.stats;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robots told from people by the crawler-user-agents list the build fetched, and each
 * robot's kind from the list's tags.
 */
class RobotsTests {

	static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private final Robots robots = new Robots();

	@Test
	void browsersShouldBePeople() {
		assertThat(this.robots.kind(CHROME)).isNull();
		assertThat(this.robots.kind("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"))
			.isNull();
		assertThat(this.robots.kind("Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15"
				+ " (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1"))
			.isNull();
	}

	@Test
	void robotsShouldBeToldApartByWhatTheyDo() {
		assertThat(this.robots.kind(GOOGLEBOT)).isEqualTo(Robots.Kind.SEARCH);
		assertThat(this.robots.kind("Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)"))
			.isEqualTo(Robots.Kind.SEARCH);
		assertThat(this.robots.kind("Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )"))
			.isEqualTo(Robots.Kind.FEED);
		assertThat(this.robots.kind("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)"))
			.isEqualTo(Robots.Kind.PREVIEW);
		assertThat(this.robots.kind("facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)"))
			.isEqualTo(Robots.Kind.PREVIEW);
		assertThat(this.robots.kind("Mozilla/5.0+(compatible; UptimeRobot/2.0; http://www.uptimerobot.com/)"))
			.isEqualTo(Robots.Kind.MONITOR);
		assertThat(this.robots.kind("Mozilla/5.0 (compatible; GPTBot/1.0; +https://openai.com/gptbot)"))
			.isEqualTo(Robots.Kind.AI);
		assertThat(this.robots.kind("curl/8.5.0")).isNotNull();
		assertThat(this.robots.kind("python-requests/2.31.0")).isNotNull();
		assertThat(this.robots.kind(CHROME.replace("Chrome/", "HeadlessChrome/"))).isNotNull();
	}

	@Test
	void eachPatternsPlainTextShouldBeFoundOrNone() {
		assertThat(Robots.literal("Googlebot\\/")).isEqualTo("Googlebot/");
		assertThat(Robots.literal("^curl")).isEqualTo("curl");
		assertThat(Robots.literal("[wW]get")).isEqualTo("get");
		assertThat(Robots.literal("bingbot")).isEqualTo("bingbot");
		assertThat(Robots.literal("Yahoo Ad monitoring")).isEqualTo("Yahoo Ad monitoring");
		assertThat(Robots.literal("ips-agent|Sogou")).isNull();
		assertThat(Robots.literal("(?i)bot")).isNull();
		assertThat(Robots.literal("Mediapartners-Google?")).isEqualTo("Mediapartners-Googl");
		assertThat(Robots.literal("ab(c|d)efgh")).as("an alternative inside: no single text").isNull();
	}

	/** the list's own examples: none of them missed for its plain text */
	@Test
	void everyExampleOfTheListShouldBeARobot() throws Exception {
		JsonNode entries;
		try (InputStream list = new ClassPathResource(Robots.LIST).getInputStream()) {
			entries = JsonMapper.builder().build().readTree(list);
		}
		int examples = 0;
		List<String> missed = new ArrayList<>();
		for (JsonNode entry : entries) {
			String pattern = entry.path("pattern").asString("");
			String literal = Robots.literal(pattern);
			for (JsonNode instance : entry.path("instances")) {
				String userAgent = instance.asString("");
				examples++;
				if (literal != null && Pattern.compile(pattern).matcher(userAgent).find()
						&& !userAgent.contains(literal)) {
					missed.add(pattern + " / " + literal + " / " + userAgent);
				}
			}
		}
		assertThat(examples).isGreaterThan(1000);
		assertThat(missed).isEmpty();
	}

	@Test
	void noUserAgentShouldBeARobot() {
		assertThat(this.robots.kind(null)).isEqualTo(Robots.Kind.OTHER);
		assertThat(this.robots.kind(" ")).isEqualTo(Robots.Kind.OTHER);
		assertThat(this.robots.kind("x".repeat(2000))).isEqualTo(Robots.Kind.OTHER);
	}

}
