package blog.mail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import blog.comment.Reader;
import blog.support.BlogProcess;
import blog.support.Http;
import blog.support.Loopback;
import blog.support.TestContent;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, killed with SIGKILL while replies wait in the outbox (the mail server
 * is away): after the restart, with the server back, each reply is mailed, and none
 * twice. Then a post added to {@code content/} is mailed to the blog's followers at the
 * next start, and never again at the one after. Its logs never hold the address.
 */
class MailKillIT {

	static final int REPLIES = 5;

	@TempDir
	Path data;

	@Test
	void mailsQueuedAtAKillShouldBeSentAfterTheRestartOnceEach() throws Exception {
		int smtpPort = Loopback.freePort();
		GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		String address = "killed-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
		Path content = TestContent.copyTo(this.data.resolve("content"));
		String[] arguments = { "--server.port=0", "--blog.data-dir=" + this.data.resolve("db").toAbsolutePath(),
				"--blog.content-dir=" + content.toAbsolutePath(), "--blog.comments.moderation=off",
				"--blog.comments.min-fill-time=0s", "--blog.comments.rate-limit.per-minute=1000",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--blog.mail.retry=1s" };
		List<String> logs = new ArrayList<>();
		List<Long> replies = new ArrayList<>();
		try {
			try (BlogProcess blog = BlogProcess.start(Path.of("target", "mail-kill-it", "blog-1.log"), arguments)) {
				Http http = new Http(blog.port());
				long comment = new Reader(http).comment("Writer", "Mail me.", "email", address, "notify", "on");
				MimeMessage confirmation = await(smtp, 1)[0];
				String link = MailFlowIT.link(MailFlowIT.text(confirmation), "http://localhost:8080/mail/confirm");
				assertThat(http
					.post("/mail/confirm", "t=" + MailFlowIT.token(link), "Content-Type",
							"application/x-www-form-urlencoded")
					.body()).contains("your address is confirmed");
				smtp.stop();
				for (int i = 1; i <= REPLIES; i++) {
					replies.add(new Reader(http).comment("Replier " + i, "Reply " + i + " while mail is away.",
							"parent", Long.toString(comment)));
				}
				Thread.sleep(1500);
				blog.kill();
				logs.add(blog.log());
			}
			smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
			smtp.start();
			try (BlogProcess blog = BlogProcess.start(Path.of("target", "mail-kill-it", "blog-2.log"), arguments)) {
				MimeMessage[] received = await(smtp, REPLIES - 1);
				Thread.sleep(3000);
				received = smtp.getReceivedMessages();
				List<String> texts = new ArrayList<>();
				for (MimeMessage message : received) {
					texts.add(MailFlowIT.text(message));
				}
				// one mail may have been on its way at the kill: it is not sent again (at
				// most once)
				assertThat(received.length).as("mails after the restart").isBetween(REPLIES - 1, REPLIES);
				for (int i = 1; i <= REPLIES; i++) {
					String reply = "Reply " + i + " while mail is away.";
					assertThat(texts.stream().filter((text) -> text.contains(reply)).count()).as(reply).isLessThan(2);
				}
				Http http = new Http(blog.port());
				assertThat(http
					.post("/mail/follow", "email=" + address, "Content-Type", "application/x-www-form-urlencoded")
					.statusCode()).isEqualTo(200);
				blog.stop();
				logs.add(blog.log());
			}
			int before = smtp.getReceivedMessages().length;
			TestContent.write(content, "posts/2024-11-talks-in-zurich.md", """
					---
					title: Talks in Zürich
					slug: talks-in-zurich
					published: 2024-11-20
					description: What a quiet meeting in Switzerland could change.
					---

					Envoys met **quietly** by the lake.
					""");
			for (int start = 3; start <= 4; start++) {
				try (BlogProcess blog = BlogProcess.start(Path.of("target", "mail-kill-it", "blog-" + start + ".log"),
						arguments)) {
					if (start == 3) {
						MimeMessage[] all = await(smtp, before + 1);
						MimeMessage announced = all[all.length - 1];
						assertThat(announced.getSubject()).contains("Talks in Zürich");
						assertThat(MailFlowIT.text(announced)).contains("/2024/11/talks-in-zurich.html");
					}
					Thread.sleep(3000);
					assertThat(smtp.getReceivedMessages()).as("after start " + start).hasSize(before + 1);
					blog.stop();
					logs.add(blog.log());
				}
			}
		}
		finally {
			smtp.stop();
		}
		assertThat(String.join("\n", logs)).doesNotContain(address);
	}

	private static MimeMessage[] await(GreenMail smtp, int count) {
		assertThat(smtp.waitForIncomingEmail(30_000, count)).as(count + " mail(s)").isTrue();
		return smtp.getReceivedMessages();
	}

}
