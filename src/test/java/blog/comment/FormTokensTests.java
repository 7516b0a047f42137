package blog.comment;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import blog.system.BlogProperties;
import blog.system.Keys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class FormTokensTests {

	static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

	@TempDir
	Path dataDir;

	@Test
	void checkWhenTokenIsFreshShouldBeValidWithItsIssueTime() {
		String token = tokensAt(NOW).issue("post");
		FormTokens.Check check = tokensAt(NOW.plusSeconds(30)).check(token, "post");
		assertThat(check.verdict()).isEqualTo(FormTokens.Verdict.VALID);
		assertThat(check.issuedAt()).isEqualTo(NOW);
	}

	@Test
	void issueShouldSignOncePerSecondAndPost() {
		MutableClock clock = new MutableClock(NOW);
		FormTokens tokens = new FormTokens(new Keys(properties("a-test-secret-that-is-long-enough-0123")), clock);
		String first = tokens.issue("post");
		assertThat(tokens.issue("post")).isSameAs(first);
		assertThat(tokens.issue("other-post")).isNotEqualTo(first);
		clock.now = NOW.plusMillis(999);
		assertThat(tokens.issue("post")).isSameAs(first);
		clock.now = NOW.plusSeconds(1);
		String next = tokens.issue("post");
		assertThat(next).isNotEqualTo(first);
		assertThat(tokens.check(next, "post").issuedAt()).isEqualTo(NOW.plusSeconds(1));
	}

	@Test
	void checkWhenTokenIsForAnotherPostShouldBeForged() {
		String token = tokensAt(NOW).issue("post");
		assertThat(tokensAt(NOW).check(token, "other-post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
	}

	@Test
	void checkWhenTimeIsAlteredShouldBeForged() {
		String token = tokensAt(NOW).issue("post");
		String altered = (NOW.getEpochSecond() - 100) + token.substring(token.indexOf('.'));
		assertThat(tokensAt(NOW).check(altered, "post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
	}

	@Test
	void checkWhenTokenIsGarbageOrMissingShouldSaySo() {
		FormTokens tokens = tokensAt(NOW);
		assertThat(tokens.check(null, "post").verdict()).isEqualTo(FormTokens.Verdict.MISSING);
		assertThat(tokens.check(" ", "post").verdict()).isEqualTo(FormTokens.Verdict.MISSING);
		assertThat(tokens.check("abc", "post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
		assertThat(tokens.check("1.2", "post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
		assertThat(tokens.check("99999999999999999999.x", "post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
	}

	@Test
	void checkWhenTokenIsOlderThanADayShouldBeExpired() {
		String token = tokensAt(NOW).issue("post");
		assertThat(tokensAt(NOW.plus(Duration.ofDays(1)).plusSeconds(1)).check(token, "post").verdict())
			.isEqualTo(FormTokens.Verdict.EXPIRED);
	}

	@Test
	void checkWhenSecretDiffersShouldBeForged() {
		String token = tokensAt(NOW).issue("post");
		FormTokens other = new FormTokens(new Keys(properties("another-secret-another-secret-1234")), clock(NOW));
		assertThat(other.check(token, "post").verdict()).isEqualTo(FormTokens.Verdict.FORGED);
	}

	@Test
	void keysWhenNoSecretIsGivenShouldGenerateOneAndKeepIt() {
		BlogProperties properties = properties(null);
		String first = new FormTokens(new Keys(properties), clock(NOW)).issue("post");
		assertThat(this.dataDir.resolve("form-secret")).isNotEmptyFile();
		assertThat(new FormTokens(new Keys(properties), clock(NOW)).check(first, "post").verdict())
			.isEqualTo(FormTokens.Verdict.VALID);
	}

	private FormTokens tokensAt(Instant now) {
		return new FormTokens(new Keys(properties("a-test-secret-that-is-long-enough-0123")), clock(now));
	}

	private BlogProperties properties(String secret) {
		return new BlogProperties(Path.of("content"), this.dataDir, null, secret, false, Duration.ofMillis(500),
				Duration.ZERO, null);
	}

	private static Clock clock(Instant now) {
		return Clock.fixed(now, ZoneOffset.UTC);
	}

	static final class MutableClock extends Clock {

		Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

}
