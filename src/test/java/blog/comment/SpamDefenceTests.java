package blog.comment;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.UUID;

import blog.system.Keys;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The defaults a live blog runs with: a form sent within 2 seconds is refused, and a
 * client may send 5 comments a minute; both keep the reader's text.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = { "blog.comments.min-fill-time=2s", "blog.comments.rate-limit.per-minute=5",
		"blog.comments.rate-limit.per-day=30" })
class SpamDefenceTests {

	static final String SLUG = "the-dangers-of-ignoring-diplomacy-why";

	@LocalServerPort
	int port;

	@Autowired
	Keys keys;

	// first: all requests come from 127.0.0.1, and the next test uses up its minute
	@Test
	@Order(1)
	void formSentAtOnceShouldComeBackWithTheTextKeptAndAfterAWhileBeAccepted() {
		Reader reader = new Reader(this.port);
		String body = "quick " + UUID.randomUUID();
		HttpResponse<String> quick = reader.send("name", "Quick", "body", body, "token", tokenIssuedSecondsAgo(0));
		assertThat(quick.statusCode()).isEqualTo(422);
		Document page = Jsoup.parse(quick.body());
		assertThat(page.selectFirst("#form-message").text()).contains("very quick");
		assertThat(page.selectFirst("#body").val()).isEqualTo(body);
		assertThat(reader.send("name", "Quick", "body", body, "token", tokenIssuedSecondsAgo(30)).statusCode())
			.isEqualTo(303);
	}

	@Test
	@Order(2)
	void sixthCommentInAMinuteShouldBe429WithRetryAfterAndTheTextKept() {
		Reader reader = new Reader(this.port);
		String token = tokenIssuedSecondsAgo(60);
		int accepted = 0;
		HttpResponse<String> response;
		do {
			response = reader.send("name", "Busy", "body", "busy " + UUID.randomUUID(), "token", token);
			accepted += (response.statusCode() == 303) ? 1 : 0;
		}
		while (response.statusCode() == 303 && accepted < 10);
		assertThat(accepted).isLessThanOrEqualTo(5);
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(response.headers().firstValue("Retry-After"))
			.hasValueSatisfying((seconds) -> assertThat(Integer.parseInt(seconds)).isBetween(1, 60));
		Document page = Jsoup.parse(response.body());
		assertThat(page.selectFirst("#form-message").text()).contains("many comments");
		assertThat(page.selectFirst("#body").val()).startsWith("busy ");
	}

	private String tokenIssuedSecondsAgo(long seconds) {
		String issued = Long.toString(Instant.now().getEpochSecond() - seconds);
		return issued + "." + this.keys.sign("form", SLUG + "\n" + issued);
	}

}
