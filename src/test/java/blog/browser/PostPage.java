package blog.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A page of the blog as a reader's browser shows it.
 */
final class PostPage {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	PostPage(ChromeDriver driver) {
		this.driver = driver;
	}

	static PostPage open(ChromeDriver driver, String url) {
		driver.get(url);
		return new PostPage(driver);
	}

	String title() {
		return this.driver.findElement(By.cssSelector("article h1")).getText();
	}

	List<String> sectionTitles() {
		return this.driver.findElements(By.cssSelector("article .post-body h2"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	WebElement newsLink() {
		return this.driver.findElement(By.cssSelector("article .news-card a"));
	}

	WebElement heading() {
		return this.driver.findElement(By.tagName("h1"));
	}

	/**
	 * @param width the viewport width in CSS pixels
	 */
	PostPage resize(int width) {
		this.driver.manage().window().setSize(new Dimension(width, 900));
		return this;
	}

	long viewportWidth() {
		return (Long) script("return window.innerWidth;");
	}

	long scrollWidth() {
		return (Long) script("return document.documentElement.scrollWidth;");
	}

	double fontSize(String selector) {
		return Double
			.parseDouble(this.driver.findElement(By.cssSelector(selector)).getCssValue("font-size").replace("px", ""));
	}

	/**
	 * @return the mean number of characters in the essay's full lines (a paragraph's last
	 * line, usually short, left out)
	 */
	double charactersPerLine() {
		return ((Number) script("""
				const counts = [];
				for (const p of document.querySelectorAll('.post-body p')) {
				  const lines = new Map();
				  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
				  const range = document.createRange();
				  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				    for (let i = 0; i < node.length; i++) {
				      range.setStart(node, i);
				      range.setEnd(node, i + 1);
				      const rect = range.getClientRects()[0];
				      if (rect) {
				        const top = Math.round(rect.top);
				        lines.set(top, (lines.get(top) || 0) + 1);
				      }
				    }
				  }
				  const tops = [...lines.keys()].sort((a, b) => a - b);
				  tops.slice(0, -1).forEach((top) => counts.push(lines.get(top)));
				}
				return counts.reduce((a, b) => a + b, 0) / counts.length;
				""")).doubleValue();
	}

	/**
	 * @return the addresses of everything the page loaded
	 */
	@SuppressWarnings("unchecked")
	List<String> loadedResources() {
		return (List<String>) script(
				"return [location.href].concat(performance.getEntriesByType('resource').map((e) => e.name));");
	}

	/**
	 * @param media "print" or "screen"
	 * @param scheme "light" or "dark"
	 */
	PostPage emulate(String media, String scheme) {
		this.driver.executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("media", media, "features", List.of(Map.of("name", "prefers-color-scheme", "value", scheme))));
		return this;
	}

	boolean isShown(String selector) {
		return this.driver.findElements(By.cssSelector(selector)).stream().anyMatch(WebElement::isDisplayed);
	}

	/**
	 * @return axe-core's WCAG 2.1 A and AA violations, each as "rule: what, where"
	 */
	List<String> accessibilityViolations() {
		Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze(this.driver);
		return results.getViolations().stream().map(PostPage::describe).toList();
	}

	/**
	 * Saves the whole page, top to bottom, at the given width.
	 * @param name the file name, without extension
	 * @param width the viewport width
	 */
	Path screenshot(String name, int width) {
		this.driver.manage().window().setSize(new Dimension(width, 900));
		long height = (Long) script("return document.documentElement.scrollHeight;");
		this.driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 16000)));
		try {
			Files.createDirectories(SCREENSHOTS);
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), file,
					StandardCopyOption.REPLACE_EXISTING);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(new Dimension(1280, 900));
		}
	}

	Object script(String script) {
		return ((JavascriptExecutor) this.driver).executeScript(script);
	}

	private static String describe(Rule rule) {
		return rule.getId() + ": " + rule.getHelp() + ", at "
				+ rule.getNodes().stream().map((node) -> String.valueOf(node.getTarget())).toList();
	}

}
