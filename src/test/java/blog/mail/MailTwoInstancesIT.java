package blog.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import blog.BlogApplication;
import blog.comment.Reader;
import blog.support.Http;
import blog.support.Loopback;
import blog.support.Postgres;
import blog.support.Scratch;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one PostgreSQL database, both sending the outbox to one mail server:
 * each mail is claimed by one of them (row locks that skip locked rows), so every
 * follower gets the new comment once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "blog.comments.moderation=off", "blog.comments.min-fill-time=0s" })
@ActiveProfiles("postgres")
class MailTwoInstancesIT {

	static final int FOLLOWERS = 300;

	@RegisterExtension
	static final GreenMailExtension smtp = new GreenMailExtension(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
		.withPerMethodLifecycle(false);

	private static String url;

	private static ConfigurableApplicationContext other;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry registry) {
		url = Postgres.newDatabase();
		registry.add("spring.datasource.url", () -> url);
		registry.add("spring.datasource.username", Postgres::user);
		registry.add("spring.datasource.password", () -> "");
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopTheOther() {
		if (other != null) {
			other.close();
		}
	}

	@Test
	void eachMailShouldBeSentOnceByOneOfTheTwo() throws Exception {
		other = new SpringApplicationBuilder(BlogApplication.class).web(WebApplicationType.SERVLET)
			.profiles("postgres")
			.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=" + Postgres.user(),
					"--spring.datasource.password=", "--blog.data-dir=" + Scratch.folder("other-instance"),
					"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp.getSmtp().getPort());
		String run = UUID.randomUUID().toString().substring(0, 8);
		Instant now = Instant.now();
		for (int i = 0; i < FOLLOWERS; i++) {
			long subscriber = this.jdbc.sql("""
					insert into mail_subscriber (email, language, created_at, confirmed_at)
					values (:email, 'en', :now, :now) returning id""")
				.param("email", "follower-" + i + "-" + run + "@example.org")
				.param("now", now.atOffset(ZoneOffset.UTC))
				.query(Long.class)
				.single();
			this.jdbc.sql("""
					insert into mail_subscription (subscriber_id, target, created_at) values (:id, :target, :now)""")
				.param("id", subscriber)
				.param("target", "post:" + ESSAY_SLUG)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		new Reader(new Http(this.port)).comment("Announcer", "For all " + FOLLOWERS + " followers.");
		assertThat(smtp.waitForIncomingEmail(60_000, FOLLOWERS)).as(FOLLOWERS + " mails").isTrue();
		Thread.sleep(3000);
		MimeMessage[] received = smtp.getReceivedMessages();
		Set<String> to = new HashSet<>();
		for (MimeMessage message : received) {
			to.add(message.getAllRecipients()[0].toString());
		}
		assertThat(received).hasSize(FOLLOWERS);
		assertThat(to).hasSize(FOLLOWERS);
		assertThat(this.jdbc.sql("select count(*) from mail_outbox where kind = 'COMMENT' and status = 'SENT'")
			.query(Long.class)
			.single()).isEqualTo(FOLLOWERS);
	}

	private static int freePort() {
		try {
			return Loopback.freePort();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
