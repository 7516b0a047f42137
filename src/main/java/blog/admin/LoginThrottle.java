package blog.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;

/**
 * Brute-force defence for the login: five failed logins for one username, or from one
 * client, within 15 minutes lock that username or client out for 15 minutes. Failures are
 * counted by Bucket4j buckets (five tries, refilled over 15 minutes); the lock is kept
 * apart so that it lasts its full time. A successful login clears its username's and
 * client's failures.
 */
class LoginThrottle {

	static final int TRIES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final Cache<String, Bucket> failures = Caffeine.newBuilder()
		.expireAfterAccess(WINDOW)
		.maximumSize(100_000)
		.build();

	private final Cache<String, Instant> locks = Caffeine.newBuilder()
		.expireAfterWrite(LOCK)
		.maximumSize(100_000)
		.build();

	private final Clock clock;

	LoginThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * @param username the name tried
	 * @param client the client's hash
	 * @return how long the username or the client is still locked out, if it is
	 */
	Optional<Duration> locked(String username, String client) {
		Instant now = this.clock.instant();
		return Optional
			.ofNullable(later(this.locks.getIfPresent(user(username)), this.locks.getIfPresent(client(client))))
			.filter(now::isBefore)
			.map((until) -> Duration.between(now, until));
	}

	/**
	 * Counts a failed login.
	 * @return how long the username or the client is now locked out, if this failure
	 * locked it
	 */
	Optional<Duration> failed(String username, String client) {
		boolean lock = false;
		for (String key : new String[] { user(username), client(client) }) {
			if (this.failures.get(key, (k) -> newBucket()).tryConsumeAndReturnRemaining(1).getRemainingTokens() == 0) {
				this.locks.put(key, this.clock.instant().plus(LOCK));
				this.failures.invalidate(key);
				lock = true;
			}
		}
		return lock ? Optional.of(LOCK) : Optional.empty();
	}

	void succeeded(String username, String client) {
		this.failures.invalidate(user(username));
		this.failures.invalidate(client(client));
	}

	private static Bucket newBucket() {
		return Bucket.builder().addLimit((limit) -> limit.capacity(TRIES).refillGreedy(TRIES, WINDOW)).build();
	}

	private static String user(String username) {
		return "user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static String client(String client) {
		return "client:" + client;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
