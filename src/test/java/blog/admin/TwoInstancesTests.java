package blog.admin;

import java.nio.file.Files;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import blog.BlogApplication;
import blog.comment.Reader;
import blog.support.Postgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the blog on one PostgreSQL database (this test's, and a second one it
 * starts): a comment posted through one is on the page the other serves within a second,
 * and so is the editor's decision taken on the other. Each keeps its pages in memory; the
 * posts' versions in the database tell it when to render them anew.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class TwoInstancesTests {

	private static String url;

	private static String hash;

	private static ConfigurableApplicationContext other;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = Postgres.newDatabase();
		hash = "{bcrypt}" + new BCryptPasswordEncoder().encode(Editor.PASSWORD);
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("blog.admin.password-hash", () -> hash);
	}

	@AfterAll
	static void stopTheOther() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void aCommentThroughOneShouldShowOnTheOtherWithinASecond() throws Exception {
		int otherPort = startTheOther();
		Reader here = new Reader(this.port);
		Reader there = new Reader(otherPort);
		assertThat(there.open(ESSAY).text()).as("rendered and kept there first").isNotEmpty();

		String words = "Written on one instance " + UUID.randomUUID();
		long id = here.comment("Instance A", words);
		long shownAfter = millisUntil(() -> there.open(ESSAY).text().contains(words));
		assertThat(shownAfter).as("ms until the other instance shows it").isLessThan(1_500);

		Editor editor = new Editor(otherPort).loggedIn();
		editor.post("/admin/comments/" + id + "/spam", "back", "/admin");
		long goneAfter = millisUntil(() -> !here.open(ESSAY).text().contains(words));
		assertThat(goneAfter).as("ms until the first instance hides it").isLessThan(1_500);
		System.out.println("Two instances on " + Postgres.version() + ": a comment showed on the other after "
				+ shownAfter + " ms; the editor's spam on the other hid it here after " + goneAfter + " ms");
	}

	private static int startTheOther() throws Exception {
		other = new SpringApplicationBuilder(BlogApplication.class).web(WebApplicationType.SERVLET)
			.profiles("postgres")
			.properties("server.port=0", "spring.datasource.url=" + url,
					"spring.datasource.username=" + Postgres.user(), "spring.datasource.password=",
					"blog.admin.password-hash=" + hash, "blog.data-dir=" + Files.createTempDirectory("other-instance"))
			.run();
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
