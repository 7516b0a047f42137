package blog.mail;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import blog.comment.CommentStored;
import blog.comment.Reader;
import blog.support.Http;
import blog.support.Loopback;
import blog.support.Reply;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mail to readers through a real SMTP server (GreenMail) and the blog on a port, as a
 * reader meets it: asked for while commenting, confirmed from the mail received, a reply
 * mailed with the headers mail providers ask for, stopped with one click. Its own
 * context: what it tests is mail switched on. The blog's public address is https, as in
 * production; the test follows its links on the loopback port. No address is ever in the
 * log: the flows that log most (a whole subscription, retries while the server is down, a
 * flood of follows) check the output.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "blog.base-url=https://blog.example.org",
		"blog.mail.from=blog@example.org", "blog.mail.retry=1s", "blog.comments.moderation=off",
		"blog.comments.min-fill-time=0s", "blog.comments.rate-limit.per-minute=1000",
		"blog.comments.rate-limit.per-day=10000",
		"spring.autoconfigure.exclude=org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
class MailFlowIT {

	/**
	 * on a fixed port, so that it can be stopped and started again where the blog expects
	 * it
	 */
	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	static final String BLOG = "https://blog.example.org";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Subscribers subscribers;

	@Autowired
	MailLinks links;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@Test
	void aReaderShouldBeMailedARepliesOnceConfirmedAndStopWithOneClick(CapturedOutput output) throws Exception {
		Http http = new Http(this.port);
		Reader ana = new Reader(http);
		String address = unique("ana");
		Document page = ana.open(Reader.ESSAY);
		assertThat(page.select("form#comment-form input[name=email][type=email]")).hasSize(1);
		assertThat(page.select("form#comment-form input[name=notify][type=checkbox]")).hasSize(1);

		Reply posted = ana.send("name", "Ana", "body", "Talking is not agreeing.", "email", address, "notify", "on");
		assertThat(posted.statusCode()).isEqualTo(303);
		String location = posted.header("Location").orElseThrow();
		assertThat(location).contains("mail=1");
		long anas = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		assertThat(ana.open(local(location)).text()).contains("confirm your address");

		MimeMessage confirmation = next(address);
		assertThat(confirmation.getSubject()).contains("Please confirm");
		assertThat(confirmation.getHeader("List-Unsubscribe")).isNull();
		String confirmLink = link(text(confirmation), BLOG + "/mail/confirm");

		// a reply before the address is confirmed mails nothing
		new Reader(http).send("name", "Early", "body", "Too soon.", "parent", Long.toString(anas));
		Document confirmPage = Jsoup.parse(http.get(local(confirmLink)).body());
		assertThat(confirmPage.select("form[action=/mail/confirm] button")).hasSize(1);
		assertThat(confirmPage.text()).contains("replies to your comment on");
		Reply confirmed = http.post("/mail/confirm", "t=" + token(confirmLink), "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(confirmed.statusCode()).isEqualTo(200);
		assertThat(confirmed.body()).contains("your address is confirmed").doesNotContain(address);
		assertThat(http
			.post("/mail/confirm", "t=" + token(confirmLink), "Content-Type", "application/x-www-form-urlencoded")
			.body()).contains("confirmed already");

		String hostile = "<img src=x onerror=alert(1)>Bo";
		new Reader(http).send("name", hostile, "body", "**Diplomacy** <script>alert(2)</script> works.", "parent",
				Long.toString(anas));
		MimeMessage reply = next(address);
		assertThat(reply.getSubject()).contains(hostile).contains("replied on");
		assertThat(reply.getHeader("List-Unsubscribe")[0]).startsWith("<https://blog.example.org/mail/unsubscribe?t=");
		assertThat(reply.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		assertThat(text(reply)).contains("**Diplomacy**").contains("https://blog.example.org/comments/");
		String html = html(reply);
		assertThat(html).contains("<strong>Diplomacy</strong>")
			.contains("&lt;img src=x onerror=alert(1)&gt;Bo")
			.doesNotContain("<img")
			.doesNotContain("<script");

		String unsubscribe = reply.getHeader("List-Unsubscribe")[0].replaceAll("[<>]", "");
		Reply oneClick = http.post(local(unsubscribe), "List-Unsubscribe=One-Click", "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(oneClick.statusCode()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from mail_subscriber where email = :email")
			.param("email", address)
			.query(Long.class)
			.single()).isZero();

		new Reader(http).send("name", "Late", "body", "After the end.", "parent", Long.toString(anas));
		assertThat(quietFor(address, 2500)).isTrue();
		assertThat(output.getAll()).as("the log").doesNotContain(address);
	}

	@Test
	void aReplyPostedWhileTheMailServerIsDownShouldBeMailedOnceItIsBack(CapturedOutput output) throws Exception {
		Http http = new Http(this.port);
		String address = unique("patient");
		long comment = confirmedWriter(http, address);
		smtp.stop();
		long reply;
		try {
			reply = new Reader(http).comment("Bo", "Said while the mail server was away.", "parent",
					Long.toString(comment));
			long deadline = System.currentTimeMillis() + 15_000;
			while (System.currentTimeMillis() < deadline && failedAttempts(reply) < 2) {
				Thread.sleep(100);
			}
			assertThat(failedAttempts(reply)).as("attempts while the server is down").isGreaterThanOrEqualTo(2);
		}
		finally {
			smtp.start();
		}
		MimeMessage mail = next(address);
		assertThat(text(mail)).contains("Said while the mail server was away.");
		assertThat(quietFor(address, 2500)).isTrue();
		assertThat(this.jdbc.sql("select status from mail_outbox where kind = 'COMMENT' and about = :about")
			.param("about", Long.toString(reply))
			.query(String.class)
			.list()).containsExactly("SENT");
		assertThat(output.getAll()).as("the log").doesNotContain(address);
	}

	private int failedAttempts(long comment) {
		return this.jdbc.sql("""
				select coalesce(max(attempts), 0) from mail_outbox
				where kind = 'COMMENT' and about = :about and status = 'QUEUED' and last_error is not null""")
			.param("about", Long.toString(comment))
			.query(Integer.class)
			.single();
	}

	/** a comment whose writer asked for replies, their address confirmed from the mail */
	private static long confirmedWriter(Http http, String address) throws Exception {
		Reader writer = new Reader(http);
		// a text of its own: the same text again from the same client would be a
		// duplicate
		long comment = writer.comment("Writer",
				"Mail me the replies, " + address.substring(0, address.indexOf('@')) + ".", "email", address, "notify",
				"on");
		String link = link(text(next(address)), BLOG + "/mail/confirm");
		assertThat(http.post("/mail/confirm", "t=" + token(link), "Content-Type", "application/x-www-form-urlencoded")
			.body()).contains("your address is confirmed");
		return comment;
	}

	@Test
	void theCommentsOfOneTransactionShouldEachMailTheirFollowers() throws Exception {
		Http http = new Http(this.port);
		String address = unique("group");
		long followed = confirmedWriter(http, address);
		long aside = new Reader(http).comment("Aside", "Nobody follows this thread, " + address + ".");
		long reply = new Reader(http).comment("Reply", "In the followed thread, " + address + ".", "parent",
				Long.toString(followed));
		assertThat(text(next(address))).contains("In the followed thread");
		String slug = this.jdbc.sql("select post_slug from comment where id = :id")
			.param("id", reply)
			.query(String.class)
			.single();
		this.jdbc.sql("delete from mail_outbox where kind = 'COMMENT' and about = :about")
			.param("about", Long.toString(reply))
			.update();

		// stored together, as the comment writer stores a group, the followed one not
		// first:
		// each is looked up with the others and mailed to its followers once the group
		// commits
		this.transactions.executeWithoutResult((status) -> {
			this.events.publishEvent(new CommentStored(aside, slug, aside, true, null));
			this.events.publishEvent(new CommentStored(reply, slug, followed, true, null));
		});
		assertThat(text(next(address))).contains("In the followed thread");
		assertThat(quietFor(address, 2500)).as("the other thread's comment mails nobody").isTrue();
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'COMMENT' and about = :about")
			.param("about", Long.toString(aside))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void theWriterShouldStopRepliesFromTheirPrivatePage() throws Exception {
		Http http = new Http(this.port);
		String address = unique("private");
		Reader writer = new Reader(http);
		Reply posted = writer.send("name", "Dee", "body", "Tell me of replies.", "email", address, "notify", "on");
		String location = posted.header("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		String key = location.replaceAll(".*key=([\\w-]+).*", "$1");
		String link = link(text(next(address)), BLOG + "/mail/confirm");
		http.post("/mail/confirm", "t=" + token(link), "Content-Type", "application/x-www-form-urlencoded");

		Document own = writer.open("/comments/" + id + "/delete?key=" + key);
		assertThat(own.select("#replies-title").text()).isEqualTo("Replies by mail");
		assertThat(own.text()).contains("Replies to this comment are mailed to you.").doesNotContain(address);
		Reply stopped = http.post("/comments/" + id + "/replies", "key=" + key, "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(stopped.body()).contains("no longer mailed to you");
		new Reader(http).send("name", "Eve", "body", "A reply nobody is mailed.", "parent", Long.toString(id));
		assertThat(quietFor(address, 2500)).isTrue();
	}

	@Test
	void aHundredFollowsOfOneAddressShouldMailOneConfirmation(CapturedOutput output) throws Exception {
		Http http = new Http(this.port);
		String address = unique("flood");
		int accepted = 0;
		for (int i = 0; i < 100; i++) {
			Reply reply = http.post("/mail/follow", "email=" + address, "Content-Type",
					"application/x-www-form-urlencoded");
			assertThat(reply.statusCode()).isIn(200, 429);
			accepted += (reply.statusCode() == 200) ? 1 : 0;
		}
		assertThat(accepted).isPositive();
		assertThat(next(address).getSubject()).contains("Please confirm");
		assertThat(quietFor(address, 2500)).isTrue();
		assertThat(output.getAll()).as("the log").doesNotContain(address);
	}

	@Test
	void aForgedOrCutLinkShouldBeRefused() {
		Http http = new Http(this.port);
		assertThat(http.get("/mail/confirm?t=1.9999999999.abc.forged").statusCode()).isEqualTo(400);
		assertThat(http.get("/mail/unsubscribe?t=1.forged").statusCode()).isEqualTo(400);
		assertThat(http.get("/mail/manage?t=").statusCode()).isEqualTo(400);
		assertThat(http.post("/mail/unsubscribe", "t=1.forged", "Content-Type", "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(400);
	}

	@Test
	void aConfirmationLinkOlderThan48HoursShouldBeGoneAndConfirmNothing() {
		Instant then = Instant.now().minus(Duration.ofHours(49));
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(unique("late"), "en", then);
		MailLinks.Confirmation link = this.links.confirmation(subscriber.id(), then);
		this.subscribers.claimConfirmation(subscriber.id(), link.hash(), then, Duration.ofDays(1));
		Http http = new Http(this.port);

		Reply opened = http.get("/mail/confirm?t=" + link.token());
		assertThat(opened.statusCode()).isEqualTo(410);
		assertThat(Jsoup.parse(opened.body()).select("form[action=/mail/confirm]")).isEmpty();
		Reply pressed = http.post("/mail/confirm", "t=" + link.token(), "Content-Type",
				"application/x-www-form-urlencoded");
		assertThat(pressed.statusCode()).isEqualTo(410);
		assertThat(this.subscribers.subscriber(subscriber.id()).orElseThrow().confirmed()).isFalse();
	}

	@Test
	void aBadAddressShouldComeBackWithAMessageAndTheTypedText() {
		Reader reader = new Reader(new Http(this.port));
		Reply reply = reader.send("name", "Cara", "body", "Kept text.", "email", "not an address", "notify", "on");
		assertThat(reply.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(reply.body());
		assertThat(page.select("#email-error").text()).contains("one mail address");
		assertThat(page.select("textarea#body").text()).isEqualTo("Kept text.");
		assertThat(page.select("input#email").val()).isEqualTo("not an address");
		assertThat(page.select("input#notify").hasAttr("checked")).isTrue();
	}

	private static int freePort() {
		try {
			return Loopback.freePort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
	}

	/** the next mail to this address, waited for */
	private static MimeMessage next(String address) throws Exception {
		long deadline = System.currentTimeMillis() + 15_000;
		while (System.currentTimeMillis() < deadline) {
			for (MimeMessage message : smtp.getReceivedMessagesForDomain(address)) {
				if (!Arrays.asList(message.getRecipients(Message.RecipientType.TO)).toString().contains(address)) {
					continue;
				}
				if (message.getHeader("X-Test-Seen") == null) {
					message.setHeader("X-Test-Seen", "1");
					return message;
				}
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no mail to " + address);
	}

	/** whether no new mail came to this address for that long */
	private static boolean quietFor(String address, long millis) throws Exception {
		long deadline = System.currentTimeMillis() + millis;
		int before = smtp.getReceivedMessagesForDomain(address).length;
		while (System.currentTimeMillis() < deadline) {
			if (smtp.getReceivedMessagesForDomain(address).length > before) {
				return false;
			}
			Thread.sleep(100);
		}
		return true;
	}

	static String text(MimeMessage message) throws Exception {
		return part(message, "text/plain");
	}

	static String html(MimeMessage message) throws Exception {
		return part(message, "text/html");
	}

	private static String part(MimeMessage message, String type) throws Exception {
		List<String> found = new java.util.ArrayList<>();
		collect(message.getContent(), type, found);
		assertThat(found).as(type).hasSize(1);
		return found.get(0);
	}

	private static void collect(Object content, String type, List<String> found) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				if (part.isMimeType(type)) {
					found.add((String) part.getContent());
				}
				else {
					collect(part.getContent(), type, found);
				}
			}
		}
	}

	/** the first link that starts so in a mail's text */
	static String link(String text, String start) {
		return Arrays.stream(text.split("\\s+"))
			.filter((word) -> word.startsWith(start))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no link to " + start + " in " + text));
	}

	static String token(String link) {
		return URI.create(link).getQuery().replaceFirst("^t=", "");
	}

	/** the same address on the blog under test */
	private static String local(String link) {
		URI uri = URI.create(link);
		return (uri.getRawPath() + ((uri.getRawQuery() != null) ? "?" + uri.getRawQuery() : ""));
	}

}
