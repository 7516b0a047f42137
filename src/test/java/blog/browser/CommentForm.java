package blog.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The comment form under a post, as a reader fills it in.
 */
final class CommentForm {

	private final ChromeDriver driver;

	CommentForm(ChromeDriver driver) {
		this.driver = driver;
	}

	static CommentForm open(ChromeDriver driver, String url) {
		driver.get(url);
		return new CommentForm(driver);
	}

	CommentForm write(String name, String body) {
		WebElement nameField = this.driver.findElement(By.id("name"));
		nameField.clear();
		nameField.sendKeys(name);
		WebElement bodyField = this.driver.findElement(By.id("body"));
		bodyField.clear();
		bodyField.sendKeys(body);
		return this;
	}

	void send() {
		Chromium.clickAndWait(this.driver,
				this.driver.findElement(By.cssSelector("#comment-form button[type=submit]")));
	}

	static WebElement commentWithText(ChromeDriver driver, String text) {
		return driver.findElements(By.cssSelector("ol.comment-list > li"))
			.stream()
			.filter((li) -> li.findElement(By.cssSelector(".comment-text, .comment-removed")).getText().contains(text))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no comment holds: " + text));
	}

}
