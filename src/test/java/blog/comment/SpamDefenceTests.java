package blog.comment;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import blog.support.BlogTest;
import blog.support.Fixtures;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import blog.support.Web;
import blog.system.Keys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The limits a live blog runs with (the other tests relax them): a form sent within 2
 * seconds is refused, and a client may send 5 comments and 5 reports a minute; each
 * refusal keeps the reader's text. What it configures is the point of this class, so it
 * has an application context of its own; each test comes from an address of its own.
 */
@BlogTest
@TestPropertySource(properties = { "blog.comments.min-fill-time=2s", "blog.comments.rate-limit.per-minute=5",
		"blog.comments.rate-limit.per-day=30" })
class SpamDefenceTests {

	static final String SLUG = TestContent.ESSAY_SLUG;

	private static final AtomicInteger clients = new AtomicInteger(10);

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Keys keys;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void formSentAtOnceShouldComeBackWithTheTextKeptAndAfterAWhileBeAccepted() {
		Reader reader = new Reader(client());
		String body = "quick " + UUID.randomUUID();
		Reply quick = reader.send("name", "Quick", "body", body, "token", tokenIssuedSecondsAgo(0));
		assertThat(quick.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(quick.body());
		assertThat(page.selectFirst("#form-message").text()).contains("very quick");
		assertThat(page.selectFirst("#body").val()).isEqualTo(body);
		assertThat(reader.send("name", "Quick", "body", body, "token", tokenIssuedSecondsAgo(30)).statusCode())
			.isEqualTo(303);
	}

	@Test
	void sixthCommentInAMinuteShouldBe429WithRetryAfterAndTheTextKept() {
		Reader reader = new Reader(client());
		String token = tokenIssuedSecondsAgo(60);
		int accepted = 0;
		Reply response;
		do {
			response = reader.send("name", "Busy", "body", "busy " + UUID.randomUUID(), "token", token);
			accepted += (response.statusCode() == 303) ? 1 : 0;
		}
		while (response.statusCode() == 303 && accepted < 10);
		assertThat(accepted).isEqualTo(5);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#form-message").text()).contains("many comments");
		assertThat(page.selectFirst("#body").val()).startsWith("busy ");
	}

	@Test
	void aRefusedReasonShouldCostNothingAndTheSixthReportInAMinuteWait() {
		Web eager = client();
		long id = published("Reported too eagerly");
		assertThat(report(eager, id, "x".repeat(401)).status()).isEqualTo(422);
		for (int i = 0; i < 5; i++) {
			assertThat(report(eager, published("one of many " + i), "").status()).isEqualTo(303);
		}
		Reply limited = report(eager, id, "one too many");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.header("Retry-After")).isPresent();
		assertThat(Jsoup.parse(limited.body()).selectFirst("textarea#reason").text()).isEqualTo("one too many");
	}

	private Web client() {
		return new MockWeb(this.mvc).from("127.0.2." + clients.incrementAndGet());
	}

	private static Reply report(Web from, long id, String reason) {
		return from.form("/comments/" + id + "/report", "reason=" + reason);
	}

	private String tokenIssuedSecondsAgo(long seconds) {
		String issued = Long.toString(Instant.now().getEpochSecond() - seconds);
		return issued + "." + this.keys.sign("form", SLUG + "\n" + issued);
	}

	private long published(String text) {
		return Fixtures.publishedComment(this.jdbc, this.events, text);
	}

}
