package blog.admin;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import blog.comment.CommentProperties;
import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A backup of the H2 database taken from the desk while the blog runs, downloaded,
 * unzipped into a fresh data folder, and opened there: every comment is in it.
 */
@BlogTest
@Holding(CommentProperties.Moderation.LINKS)
class BackupTests {

	private static final String ALL = "select id, post_slug, parent_id, author_name, body_markdown, body_html, status,"
			+ " created_at, delete_token_hash from comment order by id";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aBackupTakenWhileTheBlogRunsShouldRestoreEveryComment(@TempDir Path restored) throws Exception {
		Reader reader = new Reader(new MockWeb(this.mvc));
		long first = reader.comment("Kept", "Backed up " + UUID.randomUUID());
		reader.comment("Replier", "A reply, backed up too.", "parent", Long.toString(first));
		reader.send("name", "Held", "body", "Held, and backed up: https://example.org");
		List<Map<String, Object>> before = this.jdbc.sql(ALL).query().listOfRows();

		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		editor.open("/admin/archive");
		String done = editor.confirmation(editor.post("/admin/backup"));
		assertThat(done).matches("Backup written: blog-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z(-\\d+)?\\.zip \\([\\d,]+ KB\\)\\.");
		String name = done.replaceAll("Backup written: (\\S+) .*", "$1");
		reader.comment("Later", "Written after the backup.");
		Document archive = editor.open("/admin/archive");
		assertThat(archive.select("ul.backups a").eachText()).contains(name);

		Reply zip = editor.download("/admin/backups/" + name);
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		unzip(zip.bytes(), restored);
		assertThat(restored.resolve("blog.mv.db")).isRegularFile();

		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("blog"), "sa",
				"")) {
			JdbcClient backup = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			assertThat(backup.sql(ALL).query().listOfRows()).isEqualTo(before);
		}
		assertThat(this.jdbc.sql("select count(*) from audit_event where action = 'backup' and detail = :name")
			.param("name", name)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void onlyTheEditorShouldGetBackupsAndOnlyBackups() {
		assertThat(new Editor(new MockWeb(this.mvc)).get("/admin/backups/blog-2026-01-01T000000Z.zip").statusCode())
			.isEqualTo(302);
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		for (String name : List.of("blog-2026-01-01T000000Z.zip", "blog.mv.db", "..%2Fblog.mv.db",
				"..%2F..%2Fform-secret", "admin-password")) {
			assertThat(editor.get("/admin/backups/" + name).statusCode()).as(name).isBetween(400, 404);
		}
	}

	private static void unzip(byte[] zip, Path into) throws Exception {
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				Path file = into.resolve(entry.getName()).normalize();
				assertThat(file.startsWith(into)).isTrue();
				Files.copy(in, file);
			}
		}
	}

}
