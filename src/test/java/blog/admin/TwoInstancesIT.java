package blog.admin;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import blog.BlogApplication;
import blog.comment.Reader;
import blog.support.Http;
import blog.support.Postgres;
import blog.support.RawHttp;
import blog.support.Scratch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the blog on one PostgreSQL database (this test's, and a second one it
 * starts): a comment posted through one is on the page the other serves within a second,
 * and so is the editor's decision taken on the other; a client's rate limit and a login
 * lock-out hold on both. Each keeps its pages in memory; the posts' versions in the
 * database tell it when to render them anew.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class TwoInstancesIT {

	/** one form secret for both, so that a form from one is taken by the other */
	private static final String SECRET = "a form secret the two instances share, 48 chars";

	private static String url;

	private static String hash;

	private static ConfigurableApplicationContext other;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = Postgres.newDatabase();
		hash = Editor.PASSWORD_HASH;
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("blog.admin.password-hash", () -> hash);
		registry.add("blog.form-secret", () -> SECRET);
		registry.add("blog.comments.rate-limit.per-minute", () -> "3");
	}

	@AfterAll
	static void stopTheOther() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void aCommentThroughOneShouldShowOnTheOtherWithinASecond() throws Exception {
		int otherPort = (other != null) ? ((WebServerApplicationContext) other).getWebServer().getPort()
				: startTheOther();
		Reader here = new Reader(new Http(this.port));
		Reader there = new Reader(new Http(otherPort));
		assertThat(there.open(ESSAY).text()).as("rendered and kept there first").isNotEmpty();

		String words = "Written on one instance " + UUID.randomUUID();
		long id = here.comment("Instance A", words);
		long shownAfter = millisUntil(() -> there.open(ESSAY).text().contains(words));
		assertThat(shownAfter).as("ms until the other instance shows it").isLessThan(1_500);

		Editor editor = new Editor(new Http(otherPort)).loggedIn();
		editor.post("/admin/comments/" + id + "/spam", "back", "/admin");
		long goneAfter = millisUntil(() -> !here.open(ESSAY).text().contains(words));
		assertThat(goneAfter).as("ms until the first instance hides it").isLessThan(1_500);
		System.out.println("Two instances on " + Postgres.version() + ": a comment showed on the other after "
				+ shownAfter + " ms; the editor's spam on the other hid it here after " + goneAfter + " ms");
	}

	@Test
	void aClientsLimitAndALockOutShouldHoldOnBothInstances() throws Exception {
		int otherPort = (other != null) ? ((WebServerApplicationContext) other).getWebServer().getPort()
				: startTheOther();
		InetAddress client = InetAddress.getByName("127.0.4.1");
		String token = new Reader(new Http(this.port)).open(ESSAY).selectFirst("input[name=token]").val();
		assertThat(comment(client, this.port, token).status()).isEqualTo(303);
		assertThat(comment(client, otherPort, token).status()).as("a form from one, taken by the other").isEqualTo(303);
		assertThat(comment(client, this.port, token).status()).isEqualTo(303);
		assertThat(comment(client, otherPort, token).status()).as("the fourth in a minute, on either").isEqualTo(429);

		InetAddress intruder = InetAddress.getByName("127.0.4.2");
		for (int i = 0; i < LoginThrottle.TRIES; i++) {
			login(intruder, this.port, "intruder");
		}
		assertThat(login(InetAddress.getByName("127.0.4.3"), otherPort, "intruder").status())
			.as("the name locked out on the other instance too")
			.isEqualTo(429);
	}

	private static RawHttp.Answer comment(InetAddress from, int port, String token) throws Exception {
		return RawHttp.post(from, port, ESSAY + "/comments", "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
				+ "&name=Limited&body=Comment+" + UUID.randomUUID());
	}

	private static RawHttp.Answer login(InetAddress from, int port, String username) throws Exception {
		RawHttp.Answer page = RawHttp.get(port, "/login");
		String cookie = page.header("Set-Cookie").orElseThrow().replaceAll(";.*", "");
		String csrf = page.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		return RawHttp.post(from, port, "/login", "username=" + username + "&password=guess&_csrf=" + csrf,
				"Cookie: " + cookie);
	}

	private static int startTheOther() throws Exception {
		// as arguments: above the tests' application.properties, as the first instance's
		// settings are
		other = new SpringApplicationBuilder(BlogApplication.class).web(WebApplicationType.SERVLET)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.user(),
					"--spring.datasource.password=", "--blog.admin.password-hash=" + hash,
					"--blog.data-dir=" + Scratch.folder("other-instance"), "--blog.form-secret=" + SECRET,
					"--blog.comments.rate-limit.per-minute=3");
		return ((WebServerApplicationContext) other).getWebServer().getPort();
	}

	private static long millisUntil(BooleanSupplier condition) throws InterruptedException {
		long start = System.nanoTime();
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - start > 5_000_000_000L) {
				return Long.MAX_VALUE;
			}
			Thread.sleep(20);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

}
