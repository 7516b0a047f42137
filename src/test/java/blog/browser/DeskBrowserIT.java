package blog.browser;

import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.UUID;

import blog.comment.CommentProperties;
import blog.support.Holding;
import blog.support.TestEditor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's morning in Chromium (the desk has no script): log in, find the held
 * comment first in the queue, approve it, and see it on the post page. The desk and the
 * login pass axe-core.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@Holding(CommentProperties.Moderation.LINKS)
class DeskBrowserIT {

	static final String PASSWORD = TestEditor.PASSWORD;

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start(true);
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void editorShouldLogInApproveAHeldCommentAndSeeItOnThePost() {
		String words = "Held until approved " + UUID.randomUUID();
		CommentForm.open(browser, url(ESSAY_PATH)).write("Linker", words + " [source](https://example.org)").send();
		assertThat(browser.findElement(By.cssSelector("#comments .notice")).getText()).contains("waits for review");

		browser.get(url("/admin"));
		assertThat(browser.getCurrentUrl()).endsWith("/login");
		browser.findElement(By.id("username")).sendKeys("editor");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.login-form button")));
		assertThat(browser.getCurrentUrl()).endsWith("/admin");

		WebElement item = browser.findElement(By.xpath("//li[contains(@class,'desk-item')][.//div[contains(., '"
				+ words.substring(words.length() - 36) + "')]]"));
		assertThat(item.findElement(By.cssSelector(".desk-status")).getText()).isEqualTo("held");
		PostPage desk = new PostPage(browser);
		assertThat(desk.accessibilityViolations()).as("the desk").isEmpty();
		assertThat(desk.screenshot("desk-390", 390)).isNotEmptyFile();
		Chromium.clickAndWait(browser, item.findElement(By.xpath(".//button[text()='Approve']")));
		assertThat(browser.findElement(By.cssSelector("p.notice[role=status]")).getText())
			.isEqualTo("Published 1 comment.");

		browser.get(url(ESSAY_PATH));
		assertThat(CommentForm.commentWithText(browser, words + " source").isDisplayed()).isTrue();

		browser.get(url("/admin"));
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Log out']")));
		assertThat(browser.getCurrentUrl()).endsWith("/login?logout");
		assertThat(new PostPage(browser).accessibilityViolations()).as("the login page").isEmpty();
	}

	@Test
	void readerShouldReportACommentAndTheEditorFindItAndImportBloggersComments() {
		String words = "Reported in the browser " + UUID.randomUUID();
		CommentForm.open(browser, url(ESSAY_PATH)).write("Reportee", words).send();
		WebElement comment = CommentForm.commentWithText(browser, words);
		WebElement report = comment.findElement(By.cssSelector("details.report"));
		report.findElement(By.tagName("summary")).click();
		report.findElement(By.name("reason")).sendKeys("Reported by a real browser");
		assertThat(new PostPage(browser).accessibilityViolations()).as("the post with a report form open").isEmpty();
		Chromium.clickAndWait(browser, report.findElement(By.tagName("button")));
		assertThat(browser.getCurrentUrl()).contains("reported=");
		assertThat(browser.findElement(By.cssSelector("#comments .notice")).getText())
			.contains("Thank you for your report");

		logIn();
		WebElement first = browser.findElement(By.cssSelector(".desk-items > li"));
		assertThat(first.getText()).contains(words, "Reported by 1 reader", "Reported by a real browser");

		browser.get(url("/admin/archive"));
		assertThat(new PostPage(browser).accessibilityViolations()).as("export and import").isEmpty();
		browser.findElement(By.id("file"))
			.sendKeys(Path.of("src/test/resources/blogger/takeout-feed.atom").toAbsolutePath().toString());
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.import-form button")));
		assertThat(browser.findElement(By.cssSelector("p.notice[role=status]")).getText())
			.startsWith("From takeout-feed.atom: 2 comments added.");
		browser.get(url(ESSAY_PATH));
		assertThat(CommentForm.commentWithText(browser, "From the Takeout file.").isDisplayed()).isTrue();
		browser.get(url("/admin"));
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Log out']")));
	}

	@Test
	void theStatisticsPageWithAMonthOfReadersShouldPassAxe() {
		this.jdbc.sql("delete from stats_page").update();
		this.jdbc.sql("delete from stats_count").update();
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		Random random = new Random(17);
		for (int i = 0; i < 30; i++) {
			// a month of a popular essay: weekdays busier, a spike when the news came
			long visitors = 60 + random.nextInt(40) + ((i % 7 < 2) ? 0 : 40) + ((i == 9) ? 400 : 0);
			long views = visitors + visitors / 3 + random.nextInt(20);
			for (String path : new String[] { "*", ESSAY_PATH }) {
				this.jdbc.sql("insert into stats_page (stat_day, path, views, visitors) values (:d, :p, :v, :u)")
					.param("d", Date.valueOf(today.minusDays(i)))
					.param("p", path)
					.param("v", path.equals("*") ? views + 12 : views)
					.param("u", visitors)
					.update();
			}
		}
		String[][] counts = { { "referrer", "Google", "412" }, { "referrer", "SmartNews", "268" },
				{ "referrer", "LinkedIn", "97" }, { "referrer", "forum.example.net", "14" },
				{ "campaign", "feed", "85" }, { "campaign", "mail", "31" },
				{ "outbound", "https://lnkd.in/gHm7pJvK", "133" },
				{ "outbound", "https://bordode.blogspot.com/2024/10/the-dangers-of-ignoring-diplomacy-why.html", "21" },
				{ "robot", "search", "930" }, { "robot", "ai", "402" }, { "robot", "preview", "77" },
				{ "robot", "feed", "1440" }, { "feed", "Feedly /feeds/posts/default", "42" },
				{ "feed", "Inoreader /feeds/posts/default", "7" } };
		for (String[] count : counts) {
			this.jdbc.sql("insert into stats_count (stat_day, kind, name, n) values (:d, :k, :name, :n)")
				.param("d", Date.valueOf(today))
				.param("k", count[0])
				.param("name", count[1])
				.param("n", Long.parseLong(count[2]))
				.update();
		}
		logIn();
		browser.get(url("/admin/stats?days=30"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Statistics");
		browser.findElement(By.cssSelector("details summary")).click();
		PostPage stats = new PostPage(browser);
		assertThat(stats.accessibilityViolations()).as("the statistics, the table open").isEmpty();
		browser.findElement(By.cssSelector("details summary")).click();
		assertThat(stats.screenshot("stats-1280", 1280)).isNotEmptyFile();
		assertThat(stats.screenshot("stats-390", 390)).isNotEmptyFile();
		browser.get(url("/admin"));
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Log out']")));
	}

	private void logIn() {
		browser.get(url("/admin"));
		browser.findElement(By.id("username")).sendKeys("editor");
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		Chromium.clickAndWait(browser, browser.findElement(By.cssSelector("form.login-form button")));
		assertThat(browser.getCurrentUrl()).endsWith("/admin");
	}

	private String url(String path) {
		return "http://127.0.0.1:" + this.port + path;
	}

}
