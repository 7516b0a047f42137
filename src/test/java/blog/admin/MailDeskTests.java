package blog.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import blog.support.BlogTest;
import blog.support.MockWeb;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's mail page: followers counted per post and for the blog, never shown by
 * address; the outbox with the mail server's answer; a failed mail resent, and audited.
 */
@BlogTest
class MailDeskTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private Editor editor;

	@BeforeEach
	void logIn() {
		this.editor = new Editor(new MockWeb(this.mvc)).loggedIn();
	}

	@Test
	void theMailPageShouldCountFollowersAndShowTheOutboxWithoutAddresses() {
		String email = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		long subscriber = subscriber(email);
		this.jdbc.sql("insert into mail_subscription (subscriber_id, target, created_at) values (:id, :target, :now)")
			.param("id", subscriber)
			.param("target", "post:" + ESSAY_SLUG)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.update();
		long failed = failedMail(subscriber, "550 5.1.1 (address): no such user");

		Document page = this.editor.open("/admin/mail");
		assertThat(page.selectFirst("h1").text()).isEqualTo("Mail to readers");
		assertThat(page.text()).doesNotContain(email).contains("Every comment on “The Dangers of Ignoring Diplomacy");
		assertThat(page.select("tr:has(td:contains(550 5.1.1))")).hasSize(1);
		assertThat(page.select("form[action=/admin/mail/" + failed + "/resend] button").text()).isEqualTo("Resend");

		assertThat(this.editor.confirmation(this.editor.post("/admin/mail/" + failed + "/resend")))
			.isEqualTo("Mail " + failed + " is queued again.");
		assertThat(this.jdbc.sql("select status from mail_outbox where id = :id")
			.param("id", failed)
			.query(String.class)
			.single()).isIn("QUEUED", "SENDING", "SENT");
		assertThat(this.editor.open("/admin/audit").select("td").eachText()).contains("mail.resend");
		assertThat(this.editor.confirmation(this.editor.post("/admin/mail/" + failed + "/resend")))
			.contains("was not resent");
	}

	@Test
	void theMailPageShouldBeTheEditorsOnly() {
		assertThat(new MockWeb(this.mvc).get("/admin/mail").statusCode()).isEqualTo(302);
		assertThat(new MockWeb(this.mvc).post("/admin/mail/1/resend", "").statusCode()).isIn(302, 403);
	}

	private long subscriber(String email) {
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into mail_subscriber (email, language, created_at, confirmed_at)
				values (:email, 'en', :now, :now)""").param("email", email).param("now", now).update();
		return this.jdbc.sql("select id from mail_subscriber where email = :email")
			.param("email", email)
			.query(Long.class)
			.single();
	}

	private long failedMail(long subscriber, String answer) {
		String dedupe = "test:" + UUID.randomUUID();
		this.jdbc.sql("""
				insert into mail_outbox (subscriber_id, kind, about, dedupe, status, attempts, next_attempt_at,
				  created_at, last_error)
				values (:id, 'POST', :slug, :dedupe, 'FAILED', 1, :now, :now, :answer)""")
			.param("id", subscriber)
			.param("slug", ESSAY_SLUG)
			.param("dedupe", dedupe)
			.param("now", OffsetDateTime.now(ZoneOffset.UTC))
			.param("answer", answer)
			.update();
		return this.jdbc.sql("select id from mail_outbox where dedupe = :dedupe")
			.param("dedupe", dedupe)
			.query(Long.class)
			.single();
	}

}
