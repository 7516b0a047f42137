package blog.comment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A writer's edit through their private link: within 15 minutes, rendered and sanitized
 * again, shown as edited; a link added where links are held makes it wait again; later,
 * or with another key, nothing changes.
 */
@BlogTest
@Holding(CommentProperties.Moderation.LINKS)
class CommentEditTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private Reader reader;

	@BeforeEach
	void openPage() {
		this.reader = new Reader(new MockWeb(this.mvc));
	}

	@Test
	void anEditWithinFifteenMinutesShouldBeShownAsEdited() {
		Written written = write("First thoughts " + UUID.randomUUID());
		Document page = this.reader.open(privatePage(written));
		assertThat(page.select("textarea#edit-body").text()).isEqualTo(written.text());
		assertThat(page.select("#replies-title")).as("no mail offered without a mail server").isEmpty();

		String better = "Second *thoughts* <script>alert(1)</script> " + UUID.randomUUID();
		Reply edited = this.reader.sendExactly("/comments/" + written.id() + "/edit",
				Map.of("key", written.key(), "body", better));
		assertThat(edited.statusCode()).isEqualTo(303);
		String location = edited.header("Location").orElseThrow();
		assertThat(location).contains("edited=" + written.id()).endsWith("#comment-" + written.id());
		Document shown = this.reader.open(location.substring(0, location.indexOf('#')));
		assertThat(shown.select("#comments .notice").text()).contains("Your comment is changed.");
		Element comment = shown.getElementById("comment-" + written.id());
		assertThat(comment.selectFirst(".comment-text").html())
			.startsWith("<p>Second <em>thoughts</em> &lt;script&gt;");
		assertThat(comment.selectFirst(".comment-edited").text()).isEqualTo("edited");
	}

	@Test
	void anEditAddingALinkShouldWaitForTheEditorAgain() {
		Written written = write("No link yet " + UUID.randomUUID());
		Reply edited = this.reader.sendExactly("/comments/" + written.id() + "/edit",
				Map.of("key", written.key(), "body", "Now read https://example.org/spam"));
		assertThat(edited.statusCode()).isEqualTo(303);
		assertThat(status(written.id())).isEqualTo("PENDING");
		Document shown = this.reader.open(Reader.ESSAY);
		assertThat(shown.getElementById("comment-" + written.id())).isNull();
	}

	@Test
	void anEditAfterFifteenMinutesShouldChangeNothingAndKeepTheTypedText() {
		Written written = write("Old words " + UUID.randomUUID());
		this.jdbc.sql("update comment set created_at = :at where id = :id")
			.param("at", Instant.now().minusSeconds(16 * 60).atOffset(ZoneOffset.UTC))
			.param("id", written.id())
			.update();
		assertThat(this.reader.open(privatePage(written)).select("textarea#edit-body")).isEmpty();
		Reply late = this.reader.sendExactly("/comments/" + written.id() + "/edit",
				Map.of("key", written.key(), "body", "Too late to say this"));
		assertThat(late.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(late.body()).text()).contains("15 minutes");
		assertThat(this.jdbc.sql("select body_markdown from comment where id = :id")
			.param("id", written.id())
			.query(String.class)
			.single()).isEqualTo(written.text());
	}

	@Test
	void anEditWithAnotherKeyOrAnEmptyTextShouldBeRefused() {
		Written written = write("Mine " + UUID.randomUUID());
		assertThat(this.reader
			.sendExactly("/comments/" + written.id() + "/edit", Map.of("key", "not-the-key", "body", "Theirs"))
			.statusCode()).isEqualTo(403);
		Reply empty = this.reader.sendExactly("/comments/" + written.id() + "/edit",
				Map.of("key", written.key(), "body", "   "));
		assertThat(empty.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(empty.body()).select("#edit-message").text()).contains("empty");
	}

	private Written write(String text) {
		Reply posted = this.reader.send("name", "Editor Of Own", "body", text);
		assertThat(posted.statusCode()).isEqualTo(303);
		String location = posted.header("Location").orElseThrow();
		return new Written(Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1")),
				location.replaceAll(".*key=([\\w-]+).*", "$1"), text);
	}

	private static String privatePage(Written written) {
		return "/comments/" + written.id() + "/delete?key=" + written.key();
	}

	private String status(long id) {
		return this.jdbc.sql("select status from comment where id = :id").param("id", id).query(String.class).single();
	}

	record Written(long id, String key, String text) {
	}

}
