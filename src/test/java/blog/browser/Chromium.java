package blog.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import blog.support.Required;
import blog.support.Scratch;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven through Debian's chromedriver: nothing is ever downloaded.
 * Without them the browser tests are skipped with a message, except under CI, where that
 * is a failure.
 */
final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * @param javascript whether pages may run scripts
	 * @return a headless browser, 1280 px wide
	 */
	static ChromeDriver start(boolean javascript) {
		return start(javascript, new String[0]);
	}

	/**
	 * @param javascript whether pages may run scripts
	 * @param arguments more of Chromium's command line ({@code --user-agent=...})
	 * @return a headless browser, 1280 px wide
	 */
	static ChromeDriver start(boolean javascript, String... arguments) {
		requireInstalled();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--disable-quic", "--hide-scrollbars", "--window-size=1280,900", "--user-data-dir=" + profile());
		options.addArguments(arguments);
		if (!javascript) {
			options.setExperimentalOption("prefs", Map.of("profile.managed_default_content_settings.javascript", 2));
		}
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		ChromeDriver driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
		return driver;
	}

	static void requireInstalled() {
		if (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER)) {
			return;
		}
		String message = "Browser tests need Debian's Chromium and chromedriver at " + BROWSER + " and " + DRIVER
				+ ": sudo apt-get install chromium chromium-driver";
		Required.missing(message);
	}

	private static Path profile() {
		try {
			return Scratch.folder("chromium-profile");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Clicks what sends a form or follows a link, and waits until the next page replaced
	 * this one (a click returns before the browser navigated).
	 */
	static void clickAndWait(ChromeDriver driver, WebElement element) {
		element.click();
		new WebDriverWait(driver, Duration.ofSeconds(20)).until((ignored) -> gone(element));
	}

	/**
	 * @return whether the element's page was replaced: it is stale, or (while the next
	 * page comes in) Chromium says its node belongs to no document
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (StaleElementReferenceException ex) {
			return true;
		}
		catch (WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

}
