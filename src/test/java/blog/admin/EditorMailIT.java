package blog.admin;

import java.net.InetAddress;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import blog.comment.Comment;
import blog.comment.CommentHeld;
import blog.comment.Reader;
import blog.post.PostCatalog;
import blog.support.Http;
import blog.support.Loopback;
import blog.support.RawHttp;
import blog.support.Reply;
import blog.system.OutgoingMail;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Mail to the editor when a comment is held, through a real SMTP server (GreenMail) in
 * the test's process. Spring Boot's own mail sender is left out, as in a start with
 * Spring AOT built without mail settings: the blog makes its sender from
 * {@code spring.mail.*} itself.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "blog.admin.mail-to=editor@example.org", "blog.admin.mail-from=blog@example.org",
				"blog.comments.moderation=links", "blog.comments.min-fill-time=0s",
				"spring.autoconfigure.exclude=org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration,"
						+ "org.springframework.boot.webmvc.autoconfigure.WebMvcObservationAutoConfiguration" })
class EditorMailIT {

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
		.withPerMethodLifecycle(false);

	@LocalServerPort
	int port;

	@Autowired
	EditorMail mail;

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
		registry.add("blog.admin.password-hash", () -> Editor.PASSWORD_HASH);
	}

	@Test
	void aHeldCommentShouldMailTheEditorALinkStraightToIt() throws Exception {
		assertThat(this.mail.on()).isTrue();
		smtp.purgeEmailFromAllMailboxes();
		String name = "Mailer " + UUID.randomUUID().toString().substring(0, 6);
		Reply posted = new Reader(new Http(this.port)).send("name", name + "\r\nBcc: victim@example.org", "body",
				"Read https://example.org/spam first");
		assertThat(posted.statusCode()).isEqualTo(303);
		long id = Long
			.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*posted=(\\d+).*", "$1"));
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getAllRecipients()).extracting(Object::toString).containsExactly("editor@example.org");
		assertThat(message.getFrom()).extracting(Object::toString).containsExactly("blog@example.org");
		assertThat(message.getSubject()).startsWith("Held for review: a comment by " + name)
			.contains("The Dangers of Ignoring Diplomacy");
		String body = GreenMailUtil.getBody(message).replace("=\r\n", "");
		assertThat(body).contains("Why it waits: holds a link", "Read https://example.org/spam first",
				"/admin/comments/" + id);

		Editor editor = new Editor(new Http(this.port)).loggedIn();
		Document desk = editor.open("/admin/comments/" + id);
		assertThat(desk.select(".desk-items > li").eachAttr("id")).containsExactly("item-" + id);
		assertThat(desk.select("#item-" + id + " button").eachText()).contains("Approve");
		assertThat(editor.get("/admin/comments/999999999").statusCode()).isEqualTo(404);
		assertThat(editor.get("/admin/comments/x").statusCode()).isEqualTo(404);
	}

	@Test
	void aCommentHiddenByReportsShouldMailTheEditor() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		long id = new Reader(new Http(this.port)).comment("Contested", "An opinion some readers dislike.");
		assertThat(smtp.waitForIncomingEmail(1_000, 1)).isFalse();
		for (int client = 2; client <= 4; client++) {
			RawHttp.Answer report = RawHttp.post(InetAddress.getByName("127.0.2." + client), this.port,
					"/comments/" + id + "/report", "reason=rude");
			assertThat(report.status()).isEqualTo(303);
		}
		assertThat(smtp.waitForIncomingEmail(10_000, 1)).isTrue();
		MimeMessage message = smtp.getReceivedMessages()[0];
		assertThat(message.getSubject()).startsWith("Held for review: a comment by Contested");
		assertThat(GreenMailUtil.getBody(message).replace("=\r\n", ""))
			.contains("Why it waits: hidden after reports from 3 readers", "/admin/comments/" + id);
	}

	@Test
	void aPublishedCommentShouldMailNobody() throws Exception {
		smtp.purgeEmailFromAllMailboxes();
		new Reader(new Http(this.port)).comment("Quiet " + UUID.randomUUID().toString().substring(0, 6),
				"No link here.");
		assertThat(smtp.waitForIncomingEmail(1_500, 1)).isFalse();
	}

	@Test
	void aMailServerThatIsDownShouldNotHurtTheComment(@Autowired PostCatalog catalog) throws Exception {
		int closed = Loopback.freePort();
		JavaMailSenderImpl down = new JavaMailSenderImpl();
		down.setHost("127.0.0.1");
		down.setPort(closed);
		AdminProperties properties = new AdminProperties("editor", null, "editor@example.org", "blog@localhost",
				"0 30 3 * * *");
		EditorMail mail = new EditorMail(new OutgoingMail(
				new StaticListableBeanFactory(Map.of("sender", down)).getBeanProvider(JavaMailSender.class),
				new StandardEnvironment()), properties, catalog);
		assertThat(mail.on()).isTrue();
		assertThatNoException().isThrownBy(() -> mail.commentHeld(new CommentHeld(
				new Comment(1, ESSAY_SLUG, null, "Name", "text", "<p>text</p>", Comment.Status.PENDING, Instant.now()),
				"holds a link")));
		assertThatNoException().isThrownBy(mail::finishSending);
	}

}
