package blog.comment;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.Scratch;
import blog.support.TestContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a second post, whose comments are closed: no form, a refused POST that hands the
 * text back, replies that cannot cross posts; and a thread long enough to be paged.
 */
@BlogTest
class SecondPostTests {

	static final String CLOSED = "/2024/11/a-closed-post.html";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void contentWithASecondPost(DynamicPropertyRegistry registry) throws IOException {
		Path content = TestContent.copyTo(Scratch.folder("content"));
		TestContent.write(content, "posts/2024-11-a-closed-post.md", """
				---
				title: A closed post
				slug: a-closed-post
				published: 2024-11
				description: A post that takes no comments.
				comments: closed
				---

				Nothing to add.
				""");
		registry.add("blog.content-dir", content::toString);
	}

	@Test
	void closedPostShouldShowANoticeInsteadOfTheForm() {
		Document page = new Reader(new MockWeb(this.mvc)).open(CLOSED);
		assertThat(page.select("#comment-form")).isEmpty();
		assertThat(page.selectFirst("#comments .notice").text()).isEqualTo("Comments on this post are closed.");
	}

	@Test
	void postToAClosedPostShouldBeRefusedAndHandTheTextBack() {
		Reader reader = new Reader(new MockWeb(this.mvc));
		String body = "too late " + UUID.randomUUID();
		Reply closed = reader.sendExactly(CLOSED + "/comments",
				Map.of("name", "Late", "body", body, "token", reader.token()));
		assertThat(closed.statusCode()).isEqualTo(403);
		Document page = Jsoup.parse(closed.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Comments on this post are closed");
		assertThat(page.selectFirst("pre.kept-text").text()).isEqualTo(body);
	}

	@Test
	void replyToACommentOnAnotherPostShouldBeRefusedWithTheTextKept() {
		long other = insert("a-closed-post", null, "elsewhere");
		Reply response = new Reader(new MockWeb(this.mvc)).send("name", "Crosser", "body", "crossing", "parent",
				Long.toString(other));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(response.body()).selectFirst("#body").val()).isEqualTo("crossing");
	}

	@Test
	void longThreadShouldBePagedWithPlainLinks() {
		Reader.clearThread(this.jdbc, this.events);
		for (int i = 1; i <= CommentThread.PER_PAGE + 1; i++) {
			long id = insert("the-dangers-of-ignoring-diplomacy-why", null, "comment " + i);
			if (i == 1) {
				insert("the-dangers-of-ignoring-diplomacy-why", id, "reply to 1");
			}
		}
		Reader reader = new Reader(new MockWeb(this.mvc));
		Document first = reader.open(ESSAY);
		assertThat(first.selectFirst("#comments-title").text()).isEqualTo("52 comments");
		assertThat(first.select("ol.comment-list > li")).hasSize(CommentThread.PER_PAGE);
		assertThat(first.select("a[rel=prev]")).isEmpty();
		assertThat(first.selectFirst("a[rel=next]").attr("href")).isEqualTo(ESSAY + "?page=2#comments");
		Document second = reader.open(ESSAY + "?page=2");
		assertThat(second.select("ol.comment-list > li")).hasSize(1);
		assertThat(second.selectFirst("ol.comment-list .comment-text").text()).isEqualTo("comment 51");
		assertThat(second.selectFirst("a[rel=prev]").attr("href")).isEqualTo(ESSAY + "#comments");
		assertThat(second.selectFirst("link[rel=canonical]").attr("href")).endsWith(ESSAY + "?page=2");
		assertThat(reader.get(ESSAY + "?page=3").statusCode()).isEqualTo(404);
	}

	@Test
	void commentOnALaterPageShouldBeShownWhereItIs() {
		Reader.clearThread(this.jdbc, this.events);
		for (int i = 1; i <= CommentThread.PER_PAGE; i++) {
			insert("the-dangers-of-ignoring-diplomacy-why", null, "comment " + i);
		}
		Reader reader = new Reader(new MockWeb(this.mvc));
		Reply posted = reader.send("name", "Late", "body", "the 51st");
		String location = posted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		assertThat(location).startsWith(ESSAY + "?page=2&posted=" + id + "&key=").endsWith("#comment-" + id);
		Document page = reader.open(location.substring(0, location.indexOf('#')));
		assertThat(page.getElementById("comment-" + id)).isNotNull();
		assertThat(page.selectFirst("#comment-" + id + " .comment-footer a").attr("href"))
			.isEqualTo(ESSAY + "?page=2&reply=" + id + "#comment-form");
		String ld = page.selectFirst("script[type=application/ld+json]").data();
		assertThat(ld).contains(ESSAY + "?page=2#comment-" + id);

		Reply again = reader.send("name", "Late", "body", "the 51st");
		assertThat(again.headers().firstValue("Location")).hasValue(ESSAY + "?page=2#comment-" + id);

		Reply invalid = reader.send("name", "", "body", "a reply kept", "parent", Long.toString(id));
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(invalid.body()).getElementById("comment-" + id)).as("the parent's page").isNotNull();

		String key = location.replaceAll(".*key=([\\w-]+).*", "$1");
		Reply deleted = reader.sendExactly("/comments/" + id + "/delete", Map.of("key", key));
		assertThat(deleted.headers().firstValue("Location")).as("its page is gone")
			.hasValue(ESSAY + "?deleted=" + id + "#comments");
	}

	private long insert(String slug, Long parent, String text) {
		this.jdbc.sql("""
				insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, created_at,
				  client_hash, body_hash, delete_token_hash)
				values (:slug, :parent, 'Fixture', :text, :html, 'PUBLISHED', :now, 'test', :text, 'test')""")
			.param("slug", slug)
			.param("parent", parent)
			.param("text", text)
			.param("html", "<p>" + text + "</p>")
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		this.events.publishEvent(CommentsChanged.any(slug));
		return this.jdbc.sql("select max(id) from comment").query(Long.class).single();
	}

}
