package blog.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Robots told from people by the crawler-user-agents list the build fetched, and each
 * robot's kind from the list's tags.
 */
class RobotsTests {

	static final String CHROME = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	private final Robots robots = robots();

	private static Robots robots() {
		try {
			return new Robots();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

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
	void noUserAgentShouldBeARobot() {
		assertThat(this.robots.kind(null)).isEqualTo(Robots.Kind.OTHER);
		assertThat(this.robots.kind(" ")).isEqualTo(Robots.Kind.OTHER);
		assertThat(this.robots.kind("x".repeat(2000))).isEqualTo(Robots.Kind.OTHER);
	}

}
