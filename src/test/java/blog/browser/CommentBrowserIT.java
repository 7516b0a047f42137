package blog.browser;

import java.util.List;
import java.util.UUID;

import blog.support.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A reader comments in Chromium, with JavaScript on and off: posts, replies, gets a fault
 * with the text kept, and deletes by the private link.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommentBrowserIT {

	static ChromeDriver withScript;

	static ChromeDriver withoutScript;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowsers() {
		withScript = Chromium.start(true);
		withoutScript = Chromium.start(false);
	}

	@AfterAll
	static void stopBrowsers() {
		for (ChromeDriver driver : new ChromeDriver[] { withScript, withoutScript }) {
			if (driver != null) {
				driver.quit();
			}
		}
	}

	@ParameterizedTest(name = "javascript {0}")
	@ValueSource(booleans = { true, false })
	void readerShouldPostReplyMakeAMistakeAndDelete(boolean javascript) {
		ChromeDriver browser = javascript ? withScript : withoutScript;
		String words = "Talks save lives " + UUID.randomUUID();
		CommentForm form = CommentForm.open(browser, url(ESSAY_PATH));
		form.write("Reader " + javascript, words).send();

		WebElement notice = browser.findElement(By.cssSelector("#comments .notice"));
		assertThat(notice.getText()).contains("published");
		String deleteLink = notice.findElement(By.cssSelector("a.delete-link")).getAttribute("href");
		WebElement comment = CommentForm.commentWithText(browser, words);
		String id = comment.getAttribute("id");
		assertThat(comment.findElement(By.cssSelector(".comment-author")).getText()).isEqualTo("Reader " + javascript);

		Chromium.clickAndWait(browser, comment.findElement(By.linkText("Reply")));
		assertThat(browser.findElement(By.id("comment-form-title")).getText())
			.isEqualTo("Reply to Reader " + javascript);
		String reply = "I agree " + UUID.randomUUID();
		new CommentForm(browser).write("Replier", reply).send();
		assertThat(browser.findElements(By.cssSelector("#" + id + " > ol.replies .comment-text")))
			.extracting(WebElement::getText)
			.contains(reply);

		CommentForm mistake = CommentForm.open(browser, url(ESSAY_PATH));
		mistake.write("Keeps Me", "   ").send();
		assertThat(browser.findElement(By.id("body-error")).getText())
			.isEqualTo("Please write a comment: it is empty.");
		assertThat(browser.findElement(By.id("name")).getAttribute("value")).isEqualTo("Keeps Me");
		if (javascript) {
			assertThat(new PostPage(browser).accessibilityViolations()).as("error state").isEmpty();
		}

		browser.get(deleteLink);
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Delete comment']")));
		assertThat(browser.findElement(By.cssSelector("#comments .notice")).getText())
			.isEqualTo("Your comment was deleted.");
		assertThat(browser.findElement(By.cssSelector("#" + id + " > article")).getText())
			.isEqualTo("This comment was removed by its writer.");
	}

	@Test
	void pageWithCommentsShouldHaveNoAccessibilityViolations() {
		CommentForm.open(withScript, url(ESSAY_PATH)).write("Axe", "*Accessible* comment " + UUID.randomUUID()).send();
		PostPage page = new PostPage(withScript);
		assertThat(page.accessibilityViolations()).isEmpty();
		page.emulate("screen", "dark");
		try {
			assertThat(page.accessibilityViolations()).as("dark mode").isEmpty();
		}
		finally {
			page.emulate("screen", "light");
		}
		assertThat(page.screenshot("comments-390", 390)).isNotEmptyFile();
	}

	@Test
	void hostileCommentsShouldStayInertInTheBrowser() {
		List<String> vectors = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
				"<svg onload=alert(1)>", "[click](javascript:alert(1))", "\"><script>alert(1)</script>",
				"<iframe src=\"javascript:alert(1)\"></iframe>");
		for (String vector : vectors) {
			CommentForm.open(withScript, url(ESSAY_PATH)).write(vector.substring(0, 10), vector).send();
		}
		// the last 303 opened the page that shows the comments just sent
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> withScript.switchTo().alert());
		PostPage page = new PostPage(withScript);
		assertThat(
				page.script("return document.querySelectorAll('script:not([type=\"application/ld+json\"])').length;"))
			.isEqualTo(0L);
		assertThat(page.script("""
				return [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes])
				  .filter((a) => a.name.startsWith('on')).length;""")).isEqualTo(0L);
		assertThat(page.script("return document.querySelectorAll('iframe, svg, img').length;")).isEqualTo(0L);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
