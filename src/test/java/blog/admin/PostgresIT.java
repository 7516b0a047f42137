package blog.admin;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import blog.comment.CommentsChanged;
import blog.comment.Reader;
import blog.support.Http;
import blog.support.Postgres;
import blog.support.RawHttp;
import blog.support.Reply;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.comment.Reader.ESSAY;
import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog on a real PostgreSQL server (the {@code postgres} profile, the same Flyway
 * migrations): comments and replies, moderation and its audit, readers' reports, the
 * desk's search, and export and import.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@ActiveProfiles("postgres")
class PostgresIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		String url = Postgres.newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("blog.admin.password-hash", () -> Editor.PASSWORD_HASH);
		registry.add("blog.comments.moderation", () -> "links");
	}

	@Test
	void theDatabaseShouldBePostgresWithEveryMigration() throws IOException {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
		List<String> migrations = new ArrayList<>();
		for (String folder : List.of("db/migration", "db/vendor/postgresql")) {
			for (Resource file : new PathMatchingResourcePatternResolver()
				.getResources("classpath:" + folder + "/V*__*.sql")) {
				migrations.add(file.getFilename().substring(1, file.getFilename().indexOf("__")));
			}
		}
		migrations.sort(Comparator.comparingInt(Integer::parseInt));
		assertThat(this.jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
			.query(String.class)
			.list()).containsExactlyElementsOf(migrations);
	}

	@Test
	void commentsRepliesAndHeldOnesShouldWork() {
		Reader reader = new Reader(new Http(this.port));
		String words = "On PostgreSQL " + UUID.randomUUID();
		long first = reader.comment("Pat", words + " with ünïcödé and a NUL \u0000 inside");
		long reply = reader.comment("Quinn", "A reply on PostgreSQL.", "parent", Long.toString(first));
		Reply held = reader.send("name", "Linker", "body", "https://example.org " + words);
		assertThat(held.statusCode()).isEqualTo(303);
		Document page = reader.open(ESSAY);
		assertThat(page.select("#comment-" + first + " > .comment .comment-text").text()).contains(words, "ünïcödé");
		assertThat(page.select("#comment-" + first + " .replies #comment-" + reply)).hasSize(1);
		assertThat(page.text()).doesNotContain("https://example.org " + words);
	}

	@Test
	void theDeskShouldModerateSearchAndAuditOnPostgres() {
		long held = Long.parseLong(new Reader(new Http(this.port))
			.send("name", "Held_on%PG", "body", "see https://example.org " + UUID.randomUUID())
			.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*posted=(\\d+).*", "$1"));
		Editor editor = new Editor(new Http(this.port)).loggedIn();
		assertThat(editor.open("/admin?q=held_ON%25pg").select(".desk-items > li").eachAttr("id"))
			.containsExactly("item-" + held);
		assertThat(editor.open("/admin?q=%25").select(".desk-items > li").eachAttr("id")).contains("item-" + held);
		assertThat(editor.confirmation(editor.post("/admin/comments/" + held + "/approve", "back", "/admin")))
			.isEqualTo("Published 1 comment.");
		assertThat(editor.confirmation(editor.post("/admin/comments/" + held + "/delete", "back", "/admin")))
			.startsWith("Deleted 1 comment");
		assertThat(editor.confirmation(editor.post("/admin/comments/" + held + "/restore", "back", "/admin")))
			.isEqualTo("Restored 1 comment.");
		assertThat(this.jdbc.sql("select action from audit_event where comment_id = :id order by id")
			.param("id", held)
			.query(String.class)
			.list()).containsExactly("approve", "delete", "restore");
		editor.post("/admin/mode", "mode", "all");
		assertThat(editor.open("/admin").select("input[name=mode][checked]").val()).isEqualTo("all");
		editor.post("/admin/mode", "mode", "links");
	}

	@Test
	void threeReportsShouldHideACommentOnPostgres() throws Exception {
		long id = new Reader(new Http(this.port)).comment("Reported", "Reported on PostgreSQL " + UUID.randomUUID());
		for (int client = 31; client <= 33; client++) {
			assertThat(RawHttp
				.post(InetAddress.getByName("127.0.3." + client), this.port, "/comments/" + id + "/report",
						"reason=rude")
				.status()).isEqualTo(303);
		}
		assertThat(
				this.jdbc.sql("select status from comment where id = :id").param("id", id).query(String.class).single())
			.isEqualTo("PENDING");
		Editor editor = new Editor(new Http(this.port)).loggedIn();
		assertThat(editor.open("/admin").selectFirst(".desk-items > li").id()).isEqualTo("item-" + id);
	}

	@Test
	void exportAndImportShouldRoundTripOnPostgres() throws Exception {
		Editor editor = new Editor(new Http(this.port)).loggedIn();
		Reply blogger = editor.upload("/admin/import", "blog.xml", resource("legacy-export.xml"), true);
		assertThat(editor.confirmation(blogger)).startsWith("From blog.xml: 4 comments added.");
		assertThat(editor.confirmation(editor.upload("/admin/import", "blog.xml", resource("legacy-export.xml"), true)))
			.startsWith("From blog.xml: 0 comments added; 4 already here.");
		new Reader(new Http(this.port)).comment("Native", "Written here, on PostgreSQL.");
		List<Map<String, Object>> before = rows();
		byte[] export = editor.download("/admin/export.json").bytes();
		this.jdbc.sql("delete from comment where parent_id is not null").update();
		this.jdbc.sql("delete from comment").update();
		this.events.publishEvent(CommentsChanged.any(ESSAY_SLUG));
		Reply imported = editor.upload("/admin/import", "comments.json", export, true);
		assertThat(editor.confirmation(imported))
			.startsWith("From comments.json: " + before.size() + " comments added.");
		assertThat(rows()).isEqualTo(before);
		assertThat(editor.upload("/admin/import", "broken.xml", resource("broken-export.xml"), true).statusCode())
			.isEqualTo(422);
		assertThat(editor.confirmation(editor.upload("/admin/import", "comments.json", export, true)))
			.contains("0 comments added; " + before.size() + " already here");
		assertThat(rows()).isEqualTo(before);
	}

	private List<Map<String, Object>> rows() {
		return this.jdbc
			.sql("select post_slug, author_name, body_markdown, body_html, status, created_at, origin"
					+ " from comment order by created_at, author_name")
			.query()
			.listOfRows();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = PostgresIT.class.getResourceAsStream("/blogger/" + name)) {
			return in.readAllBytes();
		}
	}

}
