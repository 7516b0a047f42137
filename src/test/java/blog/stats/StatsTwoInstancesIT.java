package blog.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import blog.BlogApplication;
import blog.support.Http;
import blog.support.Postgres;
import blog.support.Scratch;
import blog.support.TestContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, each counting the views it answered: their
 * flushes add up (an update, or an insert for the day's first row; both inserting it at
 * once, one updates instead), so the day's figures are the sum of both.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "blog.stats.flush-interval=200ms")
@ActiveProfiles("postgres")
class StatsTwoInstancesIT {

	static final int EACH = 40;

	private static String url;

	private static ConfigurableApplicationContext other;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = Postgres.newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", () -> "");
	}

	@AfterAll
	static void stopTheOther() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void twoInstancesShouldAddTheirCounts() throws Exception {
		other = new SpringApplicationBuilder(BlogApplication.class).web(WebApplicationType.SERVLET)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.user(),
					"--spring.datasource.password=", "--blog.data-dir=" + Scratch.folder("other-instance"),
					"--blog.stats.flush-interval=200ms");
		int otherPort = Integer.parseInt(other.getEnvironment().getProperty("local.server.port", "0"));
		List<CompletableFuture<Void>> readers = new ArrayList<>();
		for (int instance : new int[] { this.port, otherPort }) {
			readers.add(CompletableFuture.runAsync(() -> {
				Http http = new Http(instance);
				for (int i = 0; i < EACH; i++) {
					assertThat(http.get(TestContent.ESSAY_PATH, "User-Agent", StatsRestartIT.READER).statusCode())
						.isEqualTo(200);
				}
			}));
		}
		CompletableFuture.allOf(readers.toArray(CompletableFuture[]::new)).get();
		long deadline = System.currentTimeMillis() + 10_000;
		while (views(TestContent.ESSAY_PATH) < 2 * EACH && System.currentTimeMillis() < deadline) {
			Thread.sleep(100);
		}
		Thread.sleep(500);
		assertThat(views(TestContent.ESSAY_PATH)).isEqualTo(2 * EACH);
		assertThat(views("*")).isEqualTo(2 * EACH);
		assertThat(this.jdbc.sql("select visitors from stats_page where path = '*'").query(Long.class).single())
			.as("one reader, seen by each instance once")
			.isEqualTo(2);
	}

	private long views(String path) {
		return this.jdbc.sql("select coalesce(sum(views), 0) from stats_page where path = :path")
			.param("path", path)
			.query(Long.class)
			.single();
	}

}
