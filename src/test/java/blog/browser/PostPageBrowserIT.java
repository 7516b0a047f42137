package blog.browser;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reader sees, in Debian's Chromium: the essay at every width, with or without
 * JavaScript, accessible, and loading nothing from any other host.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class PostPageBrowserIT {

	static final List<String> SECTIONS = List.of("1. Nuclear Deterrence: A Perilous Game",
			"2. Trust Deficit and the Fear of Weakness", "3. Military Aid vs. Diplomatic Leverage",
			"4. The Risk of Escalation", "5. Global Implications", "Conclusion: Diplomacy as a Necessity");

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
	void readerShouldSeeTheTitleAndEverySection() {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH));
		assertThat(page.title()).isEqualTo(
				"The Dangers of Ignoring Diplomacy: Why the West’s Reluctance to Talk to Russia Is a Risky Gamble");
		assertThat(page.sectionTitles()).containsExactlyElementsOf(SECTIONS);
		assertThat(browser.findElements(By.cssSelector("article .post-body h2")))
			.allSatisfy((heading) -> assertThat(heading.isDisplayed()).isTrue());
	}

	@Test
	void smartNewsLinkShouldPointAtTheExactAddress() {
		WebElement link = PostPage.open(browser, url("/")).newsLink();
		assertThat(link.getAttribute("href")).isEqualTo("https://lnkd.in/gHm7pJvK");
		assertThat(link.getAttribute("rel")).contains("noopener");
		assertThat(link.isDisplayed()).isTrue();
		assertThat(link.getText()).contains("Germany’s Scholz Plans Phone Call With Putin – Die Zeit", "SmartNews");
	}

	@ParameterizedTest
	@ValueSource(ints = { 320, 390, 768, 1280, 1920 })
	void pageShouldNeverScrollSideways(int width) {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH)).resize(width);
		assertThat(page.scrollWidth()).as("page width at %d px", width).isLessThanOrEqualTo(page.viewportWidth());
		browser.get(url("/search/label/NuclearDiplomacy"));
		assertThat(page.scrollWidth()).as("label page width at %d px", width).isLessThanOrEqualTo(page.viewportWidth());
		page.resize(1280);
	}

	@Test
	void essayShouldReadComfortably() {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH)).resize(1280);
		assertThat(page.fontSize(".post-body p")).isGreaterThanOrEqualTo(18);
		assertThat(page.charactersPerLine()).isBetween(60.0, 75.0);
		page.resize(1920);
		assertThat(page.charactersPerLine()).isBetween(60.0, 75.0);
		page.resize(1280);
	}

	@Test
	void keyboardFocusShouldBeVisibleAndSkipLinkFirst() {
		PostPage.open(browser, url(ESSAY_PATH));
		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		WebElement focused = browser.switchTo().activeElement();
		assertThat(focused.getText()).isEqualTo("Skip to content");
		assertThat(focused.isDisplayed()).isTrue();
		assertThat(focused.getCssValue("outline-style")).isNotEqualTo("none");
		assertThat(Double.parseDouble(focused.getCssValue("outline-width").replace("px", "")))
			.isGreaterThanOrEqualTo(2);
	}

	@Test
	void pageShouldLoadNothingFromAnotherHost() {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH));
		assertThat(page.loadedResources()).hasSizeGreaterThan(1)
			.allSatisfy((resource) -> assertThat(resource).startsWith("http://localhost:" + this.port + "/"));
	}

	@Test
	void printShouldShowTheEssayWithoutNavigationOrForms() {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH)).emulate("print", "light");
		try {
			assertThat(page.isShown("article .post-body")).isTrue();
			assertThat(page.isShown("aside")).isFalse();
			assertThat(page.isShown(".share")).isFalse();
			assertThat(page.isShown(".comments")).isFalse();
			assertThat(page.isShown(".site-footer")).isFalse();
		}
		finally {
			page.emulate("screen", "light");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { ESSAY_PATH, "/search/label/NuclearDiplomacy", "/no/such/page" })
	void pageShouldHaveNoAccessibilityViolationsInLightOrDarkMode(String path) {
		PostPage page = PostPage.open(browser, url(path));
		assertThat(page.accessibilityViolations()).as("light mode").isEmpty();
		page.emulate("screen", "dark");
		try {
			assertThat(page.accessibilityViolations()).as("dark mode").isEmpty();
		}
		finally {
			page.emulate("screen", "light");
		}
	}

	@Test
	void pageShouldWorkWithJavaScriptOff() {
		ChromeDriver noScript = Chromium.start(false);
		try {
			PostPage page = PostPage.open(noScript, url(ESSAY_PATH));
			assertThat(page.title()).startsWith("The Dangers of Ignoring Diplomacy");
			assertThat(page.sectionTitles()).containsExactlyElementsOf(SECTIONS);
			assertThat(page.newsLink().getAttribute("href")).isEqualTo("https://lnkd.in/gHm7pJvK");
			Chromium.clickAndWait(noScript, noScript.findElement(By.cssSelector("article .labels a")));
			assertThat(noScript.getCurrentUrl()).endsWith("/search/label/NuclearDiplomacy");
			assertThat(noScript.findElement(By.tagName("h1")).getText()).isEqualTo("Posts labelled #NuclearDiplomacy");
		}
		finally {
			noScript.quit();
		}
	}

	@Test
	void screenshotsShouldBeWrittenAtDesktopAndPhoneWidths() {
		PostPage page = PostPage.open(browser, url(ESSAY_PATH));
		assertThat(page.screenshot("post-1280", 1280)).isNotEmptyFile();
		assertThat(page.screenshot("post-390", 390)).isNotEmptyFile();
		page.emulate("screen", "dark");
		assertThat(page.screenshot("post-390-dark", 390)).isNotEmptyFile();
		page.emulate("screen", "light");
		assertThat(PostPage.open(browser, url("/no/such/page")).screenshot("404-390", 390)).isNotEmptyFile();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
