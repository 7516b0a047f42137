package blog.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import blog.system.Hashes;
import blog.system.Keys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The signed, stateless token in every comment form: which post and when the form was
 * given out, signed with the blog's secret. It lets the blog refuse posts that did not
 * come from its own form without a session or a cookie, and tells how long the reader
 * took to write.
 */
@Component
class FormTokens {

	static final Duration LIFETIME = Duration.ofDays(1);

	private final Keys keys;

	private final Clock clock;

	private final ConcurrentMap<String, Issued> latest = new ConcurrentHashMap<>();

	FormTokens(Keys keys, Clock clock) {
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * @param slug a post (of the catalog: the tokens kept are one per post)
	 * @return a token for its form; the same one to every reader within a second, so that
	 * a page served from memory signs once a second, not once per reader
	 */
	String issue(String slug) {
		long second = this.clock.instant().getEpochSecond();
		Issued last = this.latest.get(slug);
		if (last != null && last.second() == second) {
			return last.token();
		}
		String token = second + "." + this.keys.sign("form", slug + "\n" + second);
		this.latest.put(slug, new Issued(second, token));
		return token;
	}

	/**
	 * @param token what the form sent back
	 * @param slug the post it was sent to
	 * @return what the token says
	 */
	Check check(@Nullable String token, String slug) {
		if (token == null || token.isBlank()) {
			return new Check(Verdict.MISSING, null);
		}
		int dot = token.indexOf('.');
		if (dot < 1 || !token.substring(0, dot).matches("\\d{1,12}")) {
			return new Check(Verdict.FORGED, null);
		}
		String issued = token.substring(0, dot);
		if (!Hashes.equal(token.substring(dot + 1), this.keys.sign("form", slug + "\n" + issued))) {
			return new Check(Verdict.FORGED, null);
		}
		Instant issuedAt = Instant.ofEpochSecond(Long.parseLong(issued));
		Instant now = this.clock.instant();
		if (issuedAt.isAfter(now.plusSeconds(60))) {
			return new Check(Verdict.FORGED, null);
		}
		return new Check(issuedAt.plus(LIFETIME).isBefore(now) ? Verdict.EXPIRED : Verdict.VALID, issuedAt);
	}

	private record Issued(long second, String token) {
	}

	enum Verdict {

		VALID, MISSING, FORGED, EXPIRED

	}

	/**
	 * @param verdict what the token is
	 * @param issuedAt when the form was given out, for a token this blog signed
	 */
	record Check(Verdict verdict, @Nullable Instant issuedAt) {
	}

}
