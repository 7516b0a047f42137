package blog.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.function.Predicate;

import blog.stats.Statistics;
import blog.support.Loopback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The statistics as Chromium reads the essay through the real web server: one view and
 * one visitor; a reload, a view and no new visitor; a click on the SmartNews link, one
 * ping counted (the outside address itself unreachable: Chromium resolves no host but
 * localhost); a crawler's {@code User-Agent}, a robot's view; no cookie anywhere. The
 * blog runs at its public address (localhost on a port of its own), as the ping's address
 * must be the page's origin.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT, properties = { "blog.stats.flush-interval=200ms",
		"spring.autoconfigure.exclude=org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
class StatsBrowserIT {

	static final int PORT = freePort();

	static final String BLOG = "http://localhost:" + PORT;

	static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
			+ " Chrome/131.0.0.0 Safari/537.36";

	static final String GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)";

	@Autowired
	Statistics statistics;

	@Autowired
	JdbcClient jdbc;

	private ChromeDriver browser;

	@DynamicPropertySource
	static void publicAddress(DynamicPropertyRegistry registry) {
		registry.add("server.port", () -> PORT);
		registry.add("blog.base-url", () -> BLOG);
	}

	@BeforeEach
	void noFiguresYet() throws InterruptedException {
		// what the other tests' requests in this JVM counted is flushed by now
		Thread.sleep(300);
		this.jdbc.sql("delete from stats_page").update();
		this.jdbc.sql("delete from stats_count").update();
	}

	@AfterEach
	void stopBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void aReaderShouldCountOnceAsAVisitorAndEachReadAndClickAsItHappens() {
		// a reader's Chromium, not a headless one: "HeadlessChrome" is on the robots'
		// list
		this.browser = Chromium.start(true, "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost",
				"--user-agent=" + READER);
		this.browser.get(BLOG + ESSAY_PATH);
		assertThat(this.browser.findElement(By.tagName("h1")).getText())
			.startsWith("The Dangers of Ignoring Diplomacy");
		Statistics.Day today = waitFor((day) -> day.views() >= 1);
		assertThat(today.views()).isEqualTo(1);
		assertThat(today.visitors()).isEqualTo(1);

		this.browser.navigate().refresh();
		today = waitFor((day) -> day.views() >= 2);
		assertThat(today.views()).isEqualTo(2);
		assertThat(today.visitors()).as("the same reader").isEqualTo(1);

		this.browser.findElement(By.cssSelector(".news-card a")).click();
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((ignored) -> !this.statistics.report(1).outbound().isEmpty());
		assertThat(this.statistics.report(1).outbound())
			.containsExactly(new Statistics.Named("https://lnkd.in/gHm7pJvK", 1));
		assertThat(this.browser.manage().getCookies()).isEmpty();
		assertThat(this.statistics.report(1).days().get(0).views()).as("the click left the blog: no view").isEqualTo(2);
	}

	@Test
	void aCrawlerShouldCountAsARobot() {
		this.browser = Chromium.start(true, "--user-agent=" + GOOGLEBOT);
		this.browser.get(BLOG + ESSAY_PATH);
		new WebDriverWait(this.browser, Duration.ofSeconds(10)).until((ignored) -> this.statistics.report(1)
			.robots()
			.stream()
			.anyMatch((robot) -> robot.name().equals("search")));
		assertThat(this.browser.manage().getCookies()).isEmpty();
	}

	private Statistics.Day waitFor(Predicate<Statistics.Day> done) {
		new WebDriverWait(this.browser, Duration.ofSeconds(10))
			.until((ignored) -> done.test(this.statistics.report(1).days().get(0)));
		// one more flush, so that nothing counted twice would hide
		try {
			Thread.sleep(500);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.statistics.report(1).days().get(0);
	}

	private static int freePort() {
		try {
			return Loopback.freePort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
