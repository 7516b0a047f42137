package blog.comment;

import java.util.UUID;

import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Held comments are shown to nobody, and their writers are told they wait for review.
 */
@BlogTest
class ModerationTests {

	@Nested
	@Holding(CommentProperties.Moderation.LINKS)
	class WhenLinksAreHeld extends Base {

		@Test
		void commentWithALinkShouldWaitForReviewAndStayHidden() {
			String body = "see [this](https://example.org) " + UUID.randomUUID();
			Reply response = reader().send("name", "Linker", "body", body);
			assertThat(response.statusCode()).isEqualTo(303);
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(location).endsWith("#comments");
			Document page = Jsoup.parse(reader().get(location.substring(0, location.indexOf('#'))).body());
			assertThat(page.selectFirst(".notice").text()).contains("waits for review");
			assertThat(page.select(".notice a.delete-link")).hasSize(1);
			assertThat(page.html()).doesNotContain(body.substring(body.length() - 36));
			assertThat(status(body)).isEqualTo("PENDING");
		}

		@Test
		void aHeldCommentShouldLeaveThePageAsItWas() {
			String etag = reader().get(TestContent.ESSAY_PATH).headers().firstValue("ETag").orElseThrow();
			long version = this.threads.version(TestContent.ESSAY_SLUG);
			reader().send("name", "Linker", "body", "see https://example.org " + UUID.randomUUID());
			assertThat(this.threads.version(TestContent.ESSAY_SLUG)).as("nothing for readers to see")
				.isEqualTo(version);
			assertThat(new MockWeb(this.mvc).get(TestContent.ESSAY_PATH, "If-None-Match", etag).statusCode())
				.isEqualTo(304);
		}

		@Test
		void bareWebAddressShouldAlsoBeHeld() {
			String body = "visit www.example.org " + UUID.randomUUID();
			reader().send("name", "Bare", "body", body);
			assertThat(status(body)).isEqualTo("PENDING");
		}

		@Test
		void commentWithoutLinksShouldBePublished() {
			String body = "no links " + UUID.randomUUID();
			reader().comment("Plain", body);
			assertThat(status(body)).isEqualTo("PUBLISHED");
		}

	}

	@Nested
	@Holding(CommentProperties.Moderation.FIRST)
	class WhenFirstCommentsAreHeld extends Base {

		@Test
		void firstCommentUnderANameShouldBeHeldAndLaterOnesPublishedOnceOneIsPublished() {
			String name = "Newcomer " + UUID.randomUUID().toString().substring(0, 8);
			String first = "first " + UUID.randomUUID();
			reader().send("name", name, "body", first);
			assertThat(status(first)).isEqualTo("PENDING");
			this.jdbc.sql("update comment set status = 'PUBLISHED' where body_markdown = :body")
				.param("body", first)
				.update();
			String second = "second " + UUID.randomUUID();
			reader().comment(name, second);
			assertThat(status(second)).isEqualTo("PUBLISHED");
		}

	}

	@Nested
	@Holding(CommentProperties.Moderation.ALL)
	class WhenAllAreHeld extends Base {

		@Test
		void everyCommentShouldWaitForReview() {
			String body = "anything " + UUID.randomUUID();
			reader().send("name", "Anyone", "body", body);
			assertThat(status(body)).isEqualTo("PENDING");
			assertThat(reader().open(ESSAY).html()).doesNotContain(body);
		}

	}

	abstract static class Base {

		@Autowired
		MockMvcTester mvc;

		@Autowired
		JdbcClient jdbc;

		@Autowired
		Threads threads;

		Reader reader() {
			return new Reader(new MockWeb(this.mvc));
		}

		String status(String body) {
			return this.jdbc.sql("select status from comment where body_markdown = :body")
				.param("body", body)
				.query(String.class)
				.single();
		}

	}

}
