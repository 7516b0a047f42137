package blog.browser;

import java.nio.file.Path;
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

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

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
