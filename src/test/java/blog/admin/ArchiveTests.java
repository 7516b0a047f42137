package blog.admin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import blog.comment.CommentProperties;
import blog.comment.CommentsChanged;
import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Export and import over HTTP, against the real database: the JSON round trip, Blogger's
 * two export formats with replies, importing twice, and files with faults that import
 * nothing.
 */
@BlogTest
@Holding(CommentProperties.Moderation.LINKS)
class ArchiveTests {

	/** the columns an export and import keep, ids aside */
	private static final String KEPT = "post_slug, author_name, body_markdown, body_html, status, held_reason,"
			+ " created_at, status_changed_at, status_before, origin, delete_token_hash";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private Editor editor;

	@BeforeEach
	void emptyBlog() {
		this.jdbc.sql("delete from comment where parent_id is not null").update();
		this.jdbc.sql("delete from comment").update();
		this.jdbc.sql("delete from mail_outbox").update();
		this.jdbc.sql("delete from mail_subscriber").update();
		this.events.publishEvent(CommentsChanged.any(ESSAY_SLUG));
		this.editor = new Editor(new MockWeb(this.mvc)).loggedIn();
	}

	@Test
	void jsonExportShouldComeBackWhole() throws Exception {
		Reader reader = new Reader(new MockWeb(this.mvc));
		long first = reader.comment("Ada", "First, with *emphasis*.");
		reader.comment("Bert", "A reply.", "parent", Long.toString(first));
		reader.send("name", "Cleo", "body", "Held: https://example.org");
		long deleted = reader.comment("Dov", "Soon deleted.");
		this.editor.post("/admin/comments/" + deleted + "/delete", "back", "/admin");
		List<Map<String, Object>> before = rows();
		assertThat(before).hasSize(4);

		Reply download = this.editor.download("/admin/export.json");
		assertThat(download.statusCode()).isEqualTo(200);
		assertThat(download.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/json"));
		assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
				(disposition) -> assertThat(disposition).startsWith("attachment").contains("comments-"));
		JsonNode file = JsonMapper.builder().build().readTree(download.body());
		assertThat(file.get("format").asString()).isEqualTo("opinion-blog comments");
		assertThat(file.get("comments")).hasSize(4);
		assertThat(file.get("comments").get(1).get("parent").asLong()).isEqualTo(first);

		emptyBlog();
		Reply imported = this.editor.upload("/admin/import", "comments.json", download.bytes(), true);
		assertThat(this.editor.confirmation(imported)).isEqualTo("From comments.json: 4 comments added.");
		assertThat(rows()).isEqualTo(before);
		long reply = this.jdbc.sql("select id from comment where author_name = 'Bert'").query(Long.class).single();
		long parent = this.jdbc.sql("select id from comment where author_name = 'Ada'").query(Long.class).single();
		assertThat(this.jdbc.sql("select parent_id from comment where id = :id")
			.param("id", reply)
			.query(Long.class)
			.single()).isEqualTo(parent);
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY)
			.select("#comment-" + parent + " .replies .comment-author")
			.text()).isEqualTo("Bert");

		Reply again = this.editor.upload("/admin/import", "comments.json", download.bytes(), true);
		assertThat(this.editor.confirmation(again)).isEqualTo("From comments.json: 0 comments added; 4 already here.");
		assertThat(rows()).isEqualTo(before);
		assertThat(this.editor.open("/admin/audit").select("td").eachText()).contains("export", "import");
	}

	@Test
	void readersAddressesShouldLeaveOnlyWhenAskedForAndComeBackWithAnImport() throws Exception {
		Reader reader = new Reader(new MockWeb(this.mvc));
		long first = reader.comment("Ada", "Mail me the replies.");
		String email = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
		this.jdbc.sql("""
				insert into mail_subscriber (email, language, created_at, confirmed_at)
				values (:email, 'de', :now, :now)""").param("email", email).param("now", now).update();
		long subscriber = this.jdbc.sql("select id from mail_subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
		this.jdbc.sql("""
				insert into mail_subscription (subscriber_id, target, origin_comment_id, created_at)
				values (:id, :thread, :origin, :now), (:id, 'blog', null, :now)""")
			.param("id", subscriber)
			.param("thread", "thread:" + first)
			.param("origin", first)
			.param("now", now)
			.update();
		this.jdbc.sql("insert into comment_writer (comment_id, subscriber_id) values (:comment, :id)")
			.param("id", subscriber)
			.param("comment", first)
			.update();

		Reply plain = this.editor.download("/admin/export.json");
		assertThat(plain.body()).doesNotContain(email).doesNotContain("\"mail\"");
		Reply withAddresses = this.editor.download("/admin/export.json?addresses=true");
		JsonNode file = JsonMapper.builder().build().readTree(withAddresses.body());
		assertThat(file.get("mail").get("subscribers").get(0).get("email").asString()).isEqualTo(email);

		emptyBlog();
		this.jdbc.sql("delete from mail_subscriber where email = :email").param("email", email).update();
		Reply imported = this.editor.upload("/admin/import", "comments.json", withAddresses.bytes(), true);
		assertThat(this.editor.confirmation(imported)).contains("1 readers' mail addresses kept.");
		long ada = this.jdbc.sql("select id from comment where author_name = 'Ada'").query(Long.class).single();
		Map<String, Object> kept = this.jdbc
			.sql("select id, language, confirmed_at from mail_subscriber where email = :email")
			.param("email", email)
			.query()
			.singleRow();
		assertThat(kept.get("language")).isEqualTo("de");
		assertThat(kept.get("confirmed_at")).isNotNull();
		assertThat(this.jdbc.sql("select target from mail_subscription where subscriber_id = :id order by target")
			.param("id", kept.get("id"))
			.query(String.class)
			.list()).containsExactly("blog", "thread:" + ada);
		assertThat(this.jdbc.sql("select subscriber_id from comment_writer where comment_id = :id")
			.param("id", ada)
			.query(Long.class)
			.single()).isEqualTo(((Number) kept.get("id")).longValue());
	}

	@Test
	void bloggerExportShouldBringTheThreadsOverOnce() throws Exception {
		byte[] file = resource("legacy-export.xml");
		Reply imported = this.editor.upload("/admin/import", "blog-11-02-2024.xml", file, true);
		assertThat(this.editor.confirmation(imported)).isEqualTo("From blog-11-02-2024.xml: 4 comments added."
				+ " 1 comment is on posts this blog does not have, left out: /2019/05/an-older-post.html."
				+ " 1 deleted or spam in the file, left out.");
		Map<String, Map<String, Object>> byName = byName();
		assertThat(byName).containsOnlyKeys("Anna K.", "Boris", "Chen");
		Map<String, Object> anna = this.jdbc
			.sql("select * from comment where origin = 'blogger:tag:blogger.com,1999:blog-555.post-1001'")
			.query()
			.singleRow();
		assertThat(anna.get("STATUS")).isEqualTo("PUBLISHED");
		assertThat(anna.get("PARENT_ID")).isNull();
		assertThat(anna.get("CREATED_AT").toString()).startsWith("2024-10-21T15:15:30.125Z");
		assertThat((String) anna.get("BODY_HTML"))
			.contains("<strong>weakness</strong>", "<br />", "href=\"https://example.org/talks\"",
					"rel=\"nofollow ugc noopener\"", "&amp; think")
			.doesNotContain("script", "alert");
		assertThat((String) anna.get("BODY_MARKDOWN")).isEqualTo("Talks are not weakness.\n\nSee this & think.");
		long annaId = ((Number) anna.get("ID")).longValue();
		// Boris replied to Anna; Anna's answer to Boris is a reply in the same thread
		assertThat(parentOf("Boris")).isEqualTo(annaId);
		Map<String, Object> boris = this.jdbc.sql("select body_html from comment where author_name = 'Boris'")
			.query()
			.singleRow();
		assertThat((String) boris.get("BODY_HTML")).contains("<em>Sorry.</em>").doesNotContain("javascript");
		assertThat(this.jdbc
			.sql("select parent_id from comment where origin = 'blogger:tag:blogger.com,1999:blog-555.post-1003'")
			.query(Long.class)
			.single()).isEqualTo(annaId);

		Document page = new Reader(new MockWeb(this.mvc)).open(ESSAY);
		Element thread = page.getElementById("comment-" + annaId);
		assertThat(thread.select(".replies .comment-author").eachText()).containsExactly("Boris", "Anna K.");
		assertThat(page.select(".comment-list > li > .comment .comment-author").eachText()).containsExactly("Anna K.",
				"Chen");

		Reply again = this.editor.upload("/admin/import", "blog-11-02-2024.xml", file, true);
		assertThat(this.editor.confirmation(again))
			.startsWith("From blog-11-02-2024.xml: 0 comments added; 4 already here.");
		assertThat(count()).isEqualTo(4);
	}

	@Test
	void takeoutFeedShouldImportWithItsReplies() throws Exception {
		Reply imported = this.editor.upload("/admin/import", "feed.atom", resource("takeout-feed.atom"), true);
		assertThat(this.editor.confirmation(imported))
			.isEqualTo("From feed.atom: 2 comments added. 2 deleted or spam in the file, left out.");
		long first = this.jdbc.sql("select id from comment where author_name = 'Takeout Reader'")
			.query(Long.class)
			.single();
		assertThat(parentOf("Second Reader")).isEqualTo(first);
		assertThat(this.jdbc.sql("select created_at from comment where id = :id")
			.param("id", first)
			.query(String.class)
			.single()).startsWith("2024-11-01 12:00:00");
	}

	@Test
	void aBrokenFileShouldImportNothingAndSayWhichLine() throws Exception {
		new Reader(new MockWeb(this.mvc)).comment("Kept", "Already here.");
		List<Map<String, Object>> before = rows();

		Reply broken = this.editor.upload("/admin/import", "broken.xml", resource("broken-export.xml"), true);
		assertThat(broken.statusCode()).isEqualTo(422);
		assertThat(problem(broken)).startsWith("Nothing was imported from broken.xml. Line 66:")
			.contains("not well-formed XML");

		String json = "{\n  \"format\": \"opinion-blog comments\",\n  \"version\": 1,\n  \"comments\": [\n"
				+ "    {\"id\": 1, \"post\": \"" + ESSAY_SLUG + "\", \"name\": \"Good\", \"text\": \"fine\","
				+ " \"status\": \"PUBLISHED\", \"createdAt\": \"2025-01-01T00:00:00Z\"},\n"
				+ "    {\"id\": 2, \"post\": \"" + ESSAY_SLUG + "\", \"name\": \"Bad\", \"text\": \"x\","
				+ " \"status\": \"LOST\", \"createdAt\": \"2025-01-01T00:00:00Z\"}\n  ]\n}\n";
		Reply badStatus = this.editor.upload("/admin/import", "bad.json", json.getBytes(StandardCharsets.UTF_8), true);
		assertThat(badStatus.statusCode()).isEqualTo(422);
		assertThat(problem(badStatus)).contains("Line 6:", "unknown status 'LOST'");

		Reply badJson = this.editor.upload("/admin/import", "cut.json",
				json.substring(0, json.indexOf("Bad")).getBytes(StandardCharsets.UTF_8), true);
		assertThat(problem(badJson)).contains("Line 6:", "not well-formed JSON");

		String xxe = "<?xml version='1.0'?>\n<!DOCTYPE feed [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
				+ "<feed xmlns='http://www.w3.org/2005/Atom'><entry><content>&x;</content></entry></feed>";
		Reply entity = this.editor.upload("/admin/import", "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), true);
		assertThat(entity.statusCode()).isEqualTo(422);
		assertThat(entity.body()).doesNotContain("root:");

		assertThat(problem(this.editor.upload("/admin/import", "empty.json", new byte[0], true)))
			.isEqualTo("Choose a file to import: nothing was imported.");
		assertThat(problem(
				this.editor.upload("/admin/import", "notes.txt", "hello".getBytes(StandardCharsets.UTF_8), true)))
			.contains("neither this blog's JSON export nor a Blogger export");
		assertThat(problem(this.editor.upload("/admin/import", "other.xml",
				"<rss><channel/></rss>".getBytes(StandardCharsets.UTF_8), true)))
			.contains("not a Blogger export");
		assertThat(rows()).isEqualTo(before);
	}

	@Test
	void importAndExportShouldBeTheEditorsOnly() throws Exception {
		Editor stranger = new Editor(new MockWeb(this.mvc));
		assertThat(stranger.get("/admin/export.json").statusCode()).isEqualTo(302);
		assertThat(stranger.get("/admin/archive").statusCode()).isEqualTo(302);
		Reply noToken = this.editor.upload("/admin/import", "blog.xml", resource("legacy-export.xml"), false);
		assertThat(noToken.statusCode()).isEqualTo(403);
		assertThat(count()).isZero();
		Document archive = this.editor.open("/admin/archive");
		Element form = archive.selectFirst("form[action=/admin/import]");
		assertThat(form.attr("enctype")).isEqualTo("multipart/form-data");
		assertThat(form.select("input[name=_csrf]")).hasSize(1);
		assertThat(archive.select("a[href=/admin/export.json]")).hasSize(1);
	}

	private static String problem(Reply answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		return Jsoup.parse(answer.body()).selectFirst("#import-problem").text();
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ArchiveTests.class.getResourceAsStream("/blogger/" + name)) {
			return in.readAllBytes();
		}
	}

	private List<Map<String, Object>> rows() {
		return this.jdbc.sql("select " + KEPT + " from comment order by created_at, author_name").query().listOfRows();
	}

	private Map<String, Map<String, Object>> byName() {
		Map<String, Map<String, Object>> byName = new TreeMap<>();
		for (Map<String, Object> row : this.jdbc.sql("select * from comment").query().listOfRows()) {
			byName.put((String) row.get("AUTHOR_NAME"), row);
		}
		return byName;
	}

	private long parentOf(String name) {
		return this.jdbc.sql("select parent_id from comment where author_name = :name")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	private long count() {
		return this.jdbc.sql("select count(*) from comment").query(Long.class).single();
	}

}
