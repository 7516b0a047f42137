package blog.comment;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Pages;
import blog.support.Reply;
import blog.support.TestContent;
import blog.system.Keys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.COMMENTS;
import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Writing, replying to and deleting comments over real HTTP, against real H2 in a fresh
 * folder.
 */
@BlogTest
class CommentFlowTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Keys keys;

	private Reader reader;

	@BeforeEach
	void openPage() {
		this.reader = new Reader(new MockWeb(this.mvc));
	}

	@Test
	void commentWhenValidShouldAnswer303ToItsPermalinkAndShowIt() {
		String body = "Diplomacy *is* hard. " + UUID.randomUUID();
		Reply response = this.reader.send("name", "Ana", "body", body);
		assertThat(response.statusCode()).isEqualTo(303);
		assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location)
			.matches(ESSAY.replace(".", "\\.") + "\\?(page=\\d+&)?posted=(\\d+)&key=[\\w-]{32}#comment-\\2");
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		Reply page = this.reader.get(location.substring(0, location.indexOf('#')));
		assertThat(page.headers().firstValue("Set-Cookie")).isEmpty();
		assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
		Element comment = Jsoup.parse(page.body()).getElementById("comment-" + id);
		assertThat(comment.selectFirst(".comment-author").text()).isEqualTo("Ana");
		assertThat(comment.selectFirst(".comment-text").html()).startsWith("<p>Diplomacy <em>is</em> hard.");
		assertThat(comment.selectFirst("time").attr("datetime")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
		assertThat(comment.selectFirst("a.comment-permalink").attr("href")).isEqualTo("#comment-" + id);
		assertThat(comment.select(".comment-footer a").text()).isEqualTo("Reply");
	}

	@Test
	void postedPageShouldShowThePrivateDeleteLinkOnlyOnce() {
		Reply response = this.reader.send("name", "Once", "body", "once " + UUID.randomUUID());
		String location = response.headers().firstValue("Location").orElseThrow();
		String page = location.substring(0, location.indexOf('#'));
		Document first = Jsoup.parse(this.reader.get(page).body());
		assertThat(first.select(".notice a.delete-link")).hasSize(1);
		Document again = Jsoup.parse(this.reader.get(page).body());
		assertThat(again.select(".notice a.delete-link")).isEmpty();
		assertThat(again.select(".notice").text()).contains("published");
	}

	@Test
	void headingShouldCountThePublishedComments() {
		this.reader.comment("Counter", "count me " + UUID.randomUUID());
		// what readers see: published comments whose thread is shown (its head published,
		// or deleted and kept for its replies), whatever else other tests left
		long stored = this.jdbc.sql("""
				select count(*) from comment c where c.post_slug = :slug and c.status = 'PUBLISHED'
				  and (c.parent_id is null or exists (select 1 from comment h where h.id = c.parent_id
				    and h.status in ('PUBLISHED', 'DELETED')))""")
			.param("slug", TestContent.ESSAY_SLUG)
			.query(Long.class)
			.single();
		String heading = this.reader.open(ESSAY).selectFirst("#comments-title").text();
		assertThat(heading).isEqualTo((stored == 1) ? "1 comment" : stored + " comments");
	}

	@Test
	void sameTextFromSameClientWithinAMinuteShouldBeStoredOnce() {
		String body = "double click " + UUID.randomUUID();
		long id = this.reader.comment("Twice", body);
		Reply second = this.reader.send("name", "Twice", "body", body);
		assertThat(second.statusCode()).isEqualTo(303);
		assertThat(second.headers().firstValue("Location").orElseThrow())
			.matches(ESSAY.replace(".", "\\.") + "(\\?page=\\d+)?#comment-" + id);
		assertThat(countWithBody(body)).isEqualTo(1);
	}

	@Test
	void replyShouldAppearUnderItsParentAndAReplyToAReplyUnderTheSameParent() {
		long parent = this.reader.comment("Parent", "parent " + UUID.randomUUID());
		long reply = this.reader.comment("Child", "reply " + UUID.randomUUID(), "parent", Long.toString(parent));
		long replyToReply = this.reader.comment("Grandchild", "reply to reply " + UUID.randomUUID(), "parent",
				Long.toString(reply));
		Document page = this.reader.open(this.reader.lastPage());
		assertThat(page.select("#comment-" + parent + " > ol.replies > li").eachAttr("id"))
			.containsExactly("comment-" + reply, "comment-" + replyToReply);
		assertThat(page.select("ol.replies ol")).as("one level deep").isEmpty();
	}

	@Test
	void replyLinkShouldOpenTheFormForThatComment() {
		long parent = this.reader.comment("Asker", "a question " + UUID.randomUUID());
		Document page = this.reader.open(ESSAY + "?reply=" + parent);
		assertThat(page.selectFirst("#comment-form-title").text()).isEqualTo("Reply to Asker");
		assertThat(page.selectFirst("#comment-form input[name=parent]").val()).isEqualTo(Long.toString(parent));
	}

	@Test
	void blankCommentShouldComeBackWithTheMessageBesideTheFieldAndTheNameKept() {
		Reply response = this.reader.send("name", "Keeps Name", "body", "  \n\t ");
		assertThat(response.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#name").val()).isEqualTo("Keeps Name");
		assertThat(page.selectFirst("#body").attr("aria-describedby")).contains("body-error");
		assertThat(page.selectFirst("#body").attr("aria-invalid")).isEqualTo("true");
		assertThat(page.selectFirst("#body-error").text()).isEqualTo("Please write a comment: it is empty.");
	}

	@Test
	void tooLongCommentShouldComeBackWithEveryCharacterKept() {
		String body = "x".repeat(4990) + " word " + "y".repeat(10);
		Reply response = this.reader.send("name", "Long", "body", body);
		assertThat(response.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#body").val()).isEqualTo(body);
		assertThat(page.selectFirst("#body-error").text())
			.isEqualTo("Please shorten your comment to 5,000 characters: it has 5,006.");
		assertThat(countWithBody(body)).isZero();
	}

	@Test
	void blankOrLongNameShouldComeBackWithTheCommentKept() {
		Reply blank = this.reader.send("name", "   ", "body", "kept body");
		assertThat(blank.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(blank.body()).selectFirst("#body").val()).isEqualTo("kept body");
		assertThat(Jsoup.parse(blank.body()).selectFirst("#name").attr("aria-describedby")).isEqualTo("name-error");
		Reply longName = this.reader.send("name", "n".repeat(81), "body", "kept body");
		assertThat(longName.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(longName.body()).selectFirst("#name-error").text())
			.isEqualTo("Please shorten your name to 80 characters or fewer.");
	}

	@Test
	void missingOrForgedTokenShouldBeRefusedAndStoreNothing() {
		String body = "no token " + UUID.randomUUID();
		Reply missing = this.reader.sendExactly(COMMENTS, Map.of("name", "Eve", "body", body));
		assertThat(missing.statusCode()).isEqualTo(403);
		assertThat(Jsoup.parse(missing.body()).selectFirst("#body").val()).isEqualTo(body);
		Reply forged = this.reader.send("name", "Eve", "body", body, "token",
				Instant.now().getEpochSecond() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
		assertThat(forged.statusCode()).isEqualTo(403);
		String issued = Long.toString(Instant.now().getEpochSecond() - 60);
		String otherPost = issued + "." + this.keys.sign("form", "another-post\n" + issued);
		assertThat(this.reader.send("name", "Eve", "body", body, "token", otherPost).statusCode()).isEqualTo(403);
		assertThat(countWithBody(body)).isZero();
	}

	@Test
	void tokenOlderThanADayShouldAskToSendAgainWithTheTextKept() {
		String issued = Long.toString(Instant.now().getEpochSecond() - 2 * 24 * 3600);
		String old = issued + "." + this.keys.sign("form", "the-dangers-of-ignoring-diplomacy-why\n" + issued);
		String body = "late " + UUID.randomUUID();
		Reply response = this.reader.send("name", "Late", "body", body, "token", old);
		assertThat(response.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#form-message").text()).contains("more than a day ago", "send it again");
		assertThat(page.selectFirst("#body").val()).isEqualTo(body);
		assertThat(page.selectFirst("#comment-form input[name=token]").val()).isNotEqualTo(old);
		assertThat(countWithBody(body)).isZero();
	}

	@Test
	void filledHoneypotShouldStoreNothingAndKeepTheText() {
		String body = "bot " + UUID.randomUUID();
		Reply response = this.reader.send("name", "Bot", "body", body, "website", "http://spam");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(response.body()).selectFirst("#body").val()).isEqualTo(body);
		assertThat(countWithBody(body)).isZero();
	}

	@Test
	void replyToAnUnknownCommentShouldComeBackWithTheTextKept() {
		for (String parent : new String[] { "999999", "abc", "-1", "1e3" }) {
			Reply response = this.reader.send("name", "Lost", "body", "lost reply", "parent", parent);
			assertThat(response.statusCode()).as(parent).isEqualTo(422);
			Document page = Jsoup.parse(response.body());
			assertThat(page.selectFirst("#form-message").text()).contains("not on this page");
			assertThat(page.selectFirst("#body").val()).isEqualTo("lost reply");
		}
	}

	@Test
	void deleteLinkShouldAskThenDeleteAndLeaveAPlaceholderForReplies() {
		Reply posted = this.reader.send("name", "Regret", "body", "regret " + UUID.randomUUID());
		String location = posted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		String key = location.replaceAll(".*key=([\\w-]+).*", "$1");
		this.reader.comment("Replier", "a reply " + UUID.randomUUID(), "parent", Long.toString(id));
		Document confirm = this.reader.open("/comments/" + id + "/delete?key=" + key);
		assertThat(confirm.selectFirst("h1").text()).isEqualTo("Your comment");
		assertThat(confirm.selectFirst("h2#delete-title").text()).isEqualTo("Delete your comment?");
		assertThat(this.reader.sendExactly("/comments/" + id + "/delete", Map.of("key", "wrong")).statusCode())
			.isEqualTo(403);
		assertThat(this.reader.get("/comments/" + id + "/delete?key=wrong").statusCode()).isEqualTo(403);
		Reply deleted = this.reader.sendExactly("/comments/" + id + "/delete", Map.of("key", key));
		assertThat(deleted.statusCode()).isEqualTo(303);
		String back = deleted.headers().firstValue("Location").orElseThrow();
		assertThat(back).matches(ESSAY.replace(".", "\\.") + "\\?(page=\\d+&)?deleted=" + id + "#comments");
		Document page = this.reader.open(back.substring(0, back.indexOf('#')));
		assertThat(page.selectFirst(".notice").text()).isEqualTo("Your comment was deleted.");
		assertThat(page.select("#comment-" + id + " > article").text())
			.isEqualTo("This comment was removed by its writer.");
		assertThat(page.select("#comment-" + id + " > ol.replies > li")).hasSize(1);
	}

	@Test
	void deletedCommentWithoutRepliesShouldVanish() {
		Reply posted = this.reader.send("name", "Gone", "body", "gone " + UUID.randomUUID());
		String location = posted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		String key = location.replaceAll(".*key=([\\w-]+).*", "$1");
		Reply deleted = this.reader.sendExactly("/comments/" + id + "/delete", Map.of("key", key));
		assertThat(deleted.statusCode()).isEqualTo(303);
		String back = deleted.headers().firstValue("Location").orElseThrow();
		assertThat(this.reader.open(back.substring(0, back.indexOf('#'))).getElementById("comment-" + id)).isNull();
	}

	@Test
	void pageDataShouldListTheCommentsForSearchEngines() throws Exception {
		Reply posted = this.reader.send("name", "Linked Data", "body", "in json-ld " + UUID.randomUUID());
		String location = posted.headers().firstValue("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		String page = location.replaceAll("^[^?]*\\?(page=\\d+)?.*", "$1");
		Document shown = this.reader.open(location.substring(0, location.indexOf('#')));
		JsonNode data = JsonMapper.builder()
			.build()
			.readTree(shown.selectFirst("script[type=application/ld+json]").data());
		assertThat(data.path("commentCount").asInt() + " comments")
			.isEqualTo(shown.selectFirst("#comments-title").text());
		assertThat(data.path("comment").valueStream().map((c) -> c.path("url").asString()))
			.hasSize(shown.select("article.comment .comment-author").size())
			.contains("http://localhost:8080" + ESSAY + (page.isEmpty() ? "" : "?" + page) + "#comment-" + id);
		assertThat(data.path("comment").get(0).path("@type").asString()).isEqualTo("Comment");
	}

	@Test
	void wrongFormsShouldGetA4xxPageAndStoreNothing() {
		assertThat(this.reader.sendRaw(COMMENTS, "{\"name\":\"x\"}", "application/json").statusCode()).isEqualTo(415);
		assertThat(this.reader.sendRaw(COMMENTS, "", "application/x-www-form-urlencoded").statusCode()).isEqualTo(403);
		for (String page : new String[] { "-1", "0", "99999999999", "abc" }) {
			Reply response = this.reader.get(ESSAY + "?page=" + page);
			assertThat(response.statusCode()).as(page).isEqualTo(400);
			Pages.assertNoInternals(response.body());
		}
		assertThat(this.reader.get(ESSAY + "?page=999").statusCode()).isEqualTo(404);
		assertThat(this.reader
			.sendRaw("/2024/10/no-such-post.html/comments", "name=x", "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(404);
	}

	@Test
	void charactersHtmlForbidsShouldBeStrippedOnTheWayIn() {
		String tag = UUID.randomUUID().toString();
		long id = this.reader.comment("Del\u007Fete\uFDD0", "odd \u007F\uFDD0\uFFFE\u0085 characters " + tag);
		assertThat(this.jdbc.sql("select author_name || '|' || body_markdown from comment where id = :id")
			.param("id", id)
			.query(String.class)
			.single()).isEqualTo("Delete|odd  characters " + tag);
		String page = this.reader.get(this.reader.lastPage()).body();
		assertThat(page).doesNotContain("\u007F", "\uFDD0", "\uFFFE", "\u0085");
		assertThat(HtmlChecker.errors(page)).isEmpty();
	}

	private long countWithBody(String body) {
		return this.jdbc.sql("select count(*) from comment where body_markdown = :body")
			.param("body", body)
			.query(Long.class)
			.single();
	}

}
