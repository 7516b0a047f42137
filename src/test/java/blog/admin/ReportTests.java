package blog.admin;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.Fixtures;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers' reports over HTTP, each client from an address of its own: three reports hide
 * a comment until the editor decides, reported comments come first on the desk, and a
 * report from another site's page, a long reason or a flood is refused with the reason
 * kept.
 */
@BlogTest
class ReportTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private static int nextClient = 20;

	@Test
	void everyPublishedCommentShouldHaveASmallReportForm() {
		long id = published("A comment to report");
		Document page = new Reader(new MockWeb(this.mvc)).open(ESSAY);
		Element form = page.selectFirst("#comment-" + id + " details.report form");
		assertThat(form).isNotNull();
		assertThat(form.attr("method")).isEqualTo("post");
		assertThat(form.attr("action")).isEqualTo("/comments/" + id + "/report");
		assertThat(form.select("input[name=reason]")).singleElement()
			.satisfies((reason) -> assertThat(reason.attr("maxlength")).isEqualTo("400"));
		assertThat(page.selectFirst("#comment-" + id + " summary").text()).startsWith("Report");
	}

	@Test
	void threeReportsFromDifferentClientsShouldHideTheCommentUntilTheEditorDecides() throws Exception {
		long id = published("Something readers object to " + UUID.randomUUID());
		InetAddress first = client();
		Reply reported = report(first, id, "abusive");
		assertThat(reported.status()).isEqualTo(303);
		assertThat(reported.header("Location")).hasValueSatisfying(
				(to) -> assertThat(to).startsWith(ESSAY).contains("reported=" + id).endsWith("#comment-" + id));
		Document thanked = new Reader(new MockWeb(this.mvc)).open(ESSAY + "?reported=" + id);
		assertThat(thanked.select(".notice").text()).contains("Thank you for your report");
		// the same client again counts once
		assertThat(report(first, id, "still abusive").status()).isEqualTo(303);
		assertThat(report(client(), id, "").status()).isEqualTo(303);
		assertThat(reports(id)).isEqualTo(2);
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(shownOnThePost(id)).isTrue();

		Reply third = report(client(), id, "off topic");
		assertThat(third.header("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("#comments"));
		assertThat(status(id)).isEqualTo("PENDING");
		assertThat(shownOnThePost(id)).isFalse();
		// held, it is shown to nobody: not on its report page either
		assertThat(new Reader(new MockWeb(this.mvc)).get("/comments/" + id + "/report").statusCode()).isEqualTo(404);
		Reply refused = report(client(), id, "x".repeat(401));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.body()).doesNotContain("Something readers object to")
			.contains("hidden while the editor reads it");

		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		Element item = editor.open("/admin").selectFirst(".desk-items > li");
		assertThat(item.id()).as("reported comments come first").isEqualTo("item-" + id);
		assertThat(item.select(".desk-reports").text()).contains("Reported by 3 readers", "abusive", "off topic");
		assertThat(item.select(".desk-reason").text()).contains("hidden after reports from 3 readers");
		assertThat(editor.open("/admin?show=reported").select(".desk-items > li").eachAttr("id"))
			.contains("item-" + id);

		assertThat(editor.post("/admin/comments/" + id + "/approve", "back", "/admin").statusCode()).isEqualTo(303);
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(shownOnThePost(id)).isTrue();
		assertThat(editor.open("/admin?show=reported").select("#item-" + id)).isEmpty();

		// once the editor has judged it, reports bring it up again but do not hide it
		for (int i = 0; i < 3; i++) {
			report(client(), id, "again " + i);
		}
		assertThat(status(id)).isEqualTo("PUBLISHED");
		Element again = editor.open("/admin").selectFirst(".desk-items > li");
		assertThat(again.id()).isEqualTo("item-" + id);
		assertThat(again.select(".desk-reports").text()).contains("Reported by 3 readers", "again 0")
			.doesNotContain("abusive");
		assertThat(again.select("button").eachText()).contains("Keep").doesNotContain("Approve");
		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/approve", "back", "/admin")))
			.isEqualTo("Kept 1 comment as published; its reports are answered.");
		assertThat(editor.open("/admin?show=reported").select("#item-" + id)).isEmpty();
		assertThat(this.jdbc.sql("select detail from audit_event where comment_id = :id order by id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly("PENDING → PUBLISHED on " + ESSAY_SLUG,
					"kept PUBLISHED, reports answered on " + ESSAY_SLUG);
	}

	@Test
	void aReportFromAnotherSitesPageShouldBeRefusedWithItsReasonKept() throws Exception {
		long id = published("Targeted by a forged form");
		Reply fetchMetadata = report(client(), id, "forged reason", "Sec-Fetch-Site: cross-site");
		assertThat(fetchMetadata.status()).isEqualTo(403);
		assertThat(Jsoup.parse(fetchMetadata.body()).selectFirst("textarea#reason").text()).isEqualTo("forged reason");
		assertThat(Jsoup.parse(fetchMetadata.body()).selectFirst("#report-message").text())
			.contains("another site's page");
		assertThat(report(client(), id, "x", "Origin: https://evil.example").status()).isEqualTo(403);
		assertThat(report(client(), id, "x", "Origin: null").status()).isEqualTo(403);
		assertThat(reports(id)).isZero();
		assertThat(
				report(client(), id, "same site", "Sec-Fetch-Site: same-origin", "Origin: http://localhost").status())
			.isEqualTo(303);
		assertThat(reports(id)).isOne();
	}

	@Test
	void aLongReasonShouldComeBackWithAMessageAndCountForNothing() throws Exception {
		long id = published("Reported at length");
		String essay = "x".repeat(401);
		Reply tooLong = report(client(), id, essay);
		assertThat(tooLong.status()).isEqualTo(422);
		Document page = Jsoup.parse(tooLong.body());
		assertThat(page.selectFirst("textarea#reason").text()).isEqualTo(essay);
		assertThat(page.selectFirst("#report-message").text()).contains("400 characters", "401");
		assertThat(reports(id)).isZero();
	}

	@Test
	void onlyCommentsReadersSeeCanBeReported() throws Exception {
		long deleted = published("Gone already");
		this.jdbc.sql("update comment set status = 'DELETED' where id = :id").param("id", deleted).update();
		assertThat(report(client(), deleted, "").status()).isEqualTo(404);
		assertThat(report(client(), 987654321L, "").status()).isEqualTo(404);
		assertThat(
				new MockWeb(this.mvc).from(client().getHostAddress()).form("/comments/abc/report", "reason=x").status())
			.isEqualTo(404);
		assertThat(new Reader(new MockWeb(this.mvc)).get("/comments/" + deleted + "/report").statusCode())
			.isEqualTo(404);
		long shown = published("Reportable from its own page");
		Document form = new Reader(new MockWeb(this.mvc)).open("/comments/" + shown + "/report");
		assertThat(form.selectFirst("form").attr("action")).isEqualTo("/comments/" + shown + "/report");
		assertThat(form.select("blockquote").text()).isEqualTo("Reportable from its own page");
	}

	/**
	 * @param headers header lines, such as {@code Origin: https://evil.example}
	 */
	private Reply report(InetAddress from, long id, String reason, String... headers) throws Exception {
		String[] pairs = Stream.of(headers).flatMap((line) -> Stream.of(line.split(": ", 2))).toArray(String[]::new);
		return new MockWeb(this.mvc).from(from.getHostAddress())
			.form("/comments/" + id + "/report", "reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8), pairs);
	}

	private static synchronized InetAddress client() throws Exception {
		return InetAddress.getByName("127.0.1." + nextClient++);
	}

	private long published(String text) {
		return Fixtures.publishedComment(this.jdbc, this.events, text);
	}

	private boolean shownOnThePost(long id) {
		Reader reader = new Reader(new MockWeb(this.mvc));
		Document page = reader.open(ESSAY);
		List<String> pages = page.select(".comment-pages a[rel=next]").eachAttr("href");
		while (page.getElementById("comment-" + id) == null && !pages.isEmpty()) {
			page = reader.open(pages.get(0).replaceAll("#.*", ""));
			pages = page.select(".comment-pages a[rel=next]").eachAttr("href");
		}
		return page.getElementById("comment-" + id) != null;
	}

	private String status(long id) {
		return this.jdbc.sql("select status from comment where id = :id").param("id", id).query(String.class).single();
	}

	private long reports(long id) {
		return this.jdbc.sql("select count(*) from comment_report where comment_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
	}

}
