package blog.browser;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import blog.support.Http;
import blog.support.Loopback;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Mail as a reader meets it in Chromium, with a real SMTP server (GreenMail): asks for
 * replies while commenting, confirms from the mail received, is mailed another reader's
 * hostile-named reply (its HTML part opened in Chromium, inert), stops it with the mail's
 * one-click address, and gets no more. Screenshots of the form and of the mail go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "blog.base-url=https://blog.example.org",
		"blog.mail.from=blog@example.org", "blog.comments.moderation=off", "blog.comments.min-fill-time=0s",
		"spring.autoconfigure.exclude=org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
class MailBrowserIT {

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static ChromeDriver browser;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

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
	void aReaderShouldConfirmGetAReplyAndStopItInTheBrowser() throws Exception {
		String address = "reader-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		String words = "Talking is how wars end " + UUID.randomUUID();
		CommentForm form = CommentForm.open(browser, url(ESSAY_PATH));
		form.write("Ana", words);
		browser.findElement(By.id("email")).sendKeys(address);
		browser.findElement(By.id("notify")).click();
		WebElement formElement = browser.findElement(By.id("comment-form"));
		save("mail-comment-form", formElement.getScreenshotAs(OutputType.FILE).toPath());
		assertThat(new PostPage(browser).accessibilityViolations()).as("the form with its mail fields").isEmpty();
		form.send();
		assertThat(browser.findElement(By.cssSelector("#comments .notice")).getText()).contains("confirm your address");
		assertThat(browser.getPageSource()).doesNotContain(address);
		String id = CommentForm.commentWithText(browser, words).getAttribute("id").replace("comment-", "");

		MimeMessage confirmation = next(address, 0);
		browser.get(local(link(part(confirmation, "text/plain"), "/mail/confirm")));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Confirm your address");
		Chromium.clickAndWait(browser, browser.findElement(By.xpath("//button[text()='Yes, mail me']")));
		assertThat(browser.findElement(By.cssSelector("main .notice")).getText())
			.isEqualTo("Thank you: your address is confirmed.");

		String hostile = "<img src=x onerror=alert(1)>Bo";
		browser.get(url(ESSAY_PATH + "?reply=" + id + "#comment-form"));
		new CommentForm(browser).write(hostile, "**Talks** first. <script>alert(2)</script>").send();

		MimeMessage reply = next(address, 1);
		Path mail = SCREENSHOTS.resolve("mail-reply.html");
		Files.createDirectories(SCREENSHOTS);
		Files.writeString(mail, part(reply, "text/html"));
		browser.get(mail.toAbsolutePath().toUri().toString());
		assertThat(browser.findElement(By.tagName("body")).getText()).contains(hostile + " replied")
			.contains("Talks first.");
		assertThat(browser.findElements(By.cssSelector("img, script"))).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		save("mail-reply", browser.getScreenshotAs(OutputType.FILE).toPath());

		String unsubscribe = reply.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
		Http http = new Http(this.port);
		assertThat(http
			.post(path(unsubscribe), "List-Unsubscribe=One-Click", "Content-Type", "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(200);
		browser.get(url(ESSAY_PATH + "?reply=" + id + "#comment-form"));
		new CommentForm(browser).write("Cy", "After the end " + UUID.randomUUID()).send();
		Thread.sleep(2500);
		assertThat(received(address)).hasSize(2);
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	/** a link of the blog's public address, on the blog under test */
	private String local(String link) {
		return url(path(link));
	}

	private static String path(String link) {
		URI uri = URI.create(link);
		return uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : "");
	}

	private static String link(String text, String path) {
		return Arrays.stream(text.split("\\s+"))
			.filter((word) -> word.startsWith("https://blog.example.org" + path))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + path + " in " + text));
	}

	private static List<MimeMessage> received(String address) throws Exception {
		List<MimeMessage> mails = new ArrayList<>();
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals(address)) {
				mails.add(message);
			}
		}
		return mails;
	}

	/** the mail to that address with that index, waited for */
	private static MimeMessage next(String address, int index) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			List<MimeMessage> mails = received(address);
			if (mails.size() > index) {
				return mails.get(index);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no mail " + index + " to " + address);
	}

	private static String part(MimeMessage message, String type) throws Exception {
		Multipart outer = (Multipart) message.getContent();
		List<BodyPart> parts = new ArrayList<>();
		collect(outer, parts);
		return parts.stream().filter((part) -> {
			try {
				return part.isMimeType(type);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().map((part) -> {
			try {
				return (String) part.getContent();
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).orElseThrow();
	}

	private static void collect(Multipart multipart, List<BodyPart> parts) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart inner) {
				collect(inner, parts);
			}
			else {
				parts.add(part);
			}
		}
	}

	private static void save(String name, Path shot) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private static int freePort() {
		try {
			return Loopback.freePort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
