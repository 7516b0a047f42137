package blog.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import blog.system.RateBuckets;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.BucketConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brute-force defence for the login: five failed logins for one username, or from one
 * client, within 15 minutes lock that username or client out for 15 minutes. Failures are
 * counted by Bucket4j buckets (five tries, refilled over 15 minutes); the lock is kept
 * apart so that it lasts its full time. A successful login clears its username's and
 * client's failures. When several instances share the database, both the buckets and the
 * locks are kept there, so that a lock-out holds on every instance.
 */
class LoginThrottle {

	static final int TRIES = 5;

	static final Duration WINDOW = Duration.ofMinutes(15);

	static final Duration LOCK = Duration.ofMinutes(15);

	private final Cache<String, Instant> locks = Caffeine.newBuilder()
		.expireAfterWrite(LOCK)
		.maximumSize(100_000)
		.build();

	private final Clock clock;

	private final RateBuckets buckets;

	private final JdbcClient jdbc;

	LoginThrottle(Clock clock, RateBuckets buckets, JdbcClient jdbc) {
		this.clock = clock;
		this.buckets = buckets;
		this.jdbc = jdbc;
	}

	/**
	 * @param username the name tried
	 * @param client the client's hash
	 * @return how long the username or the client is still locked out, if it is
	 */
	Optional<Duration> locked(String username, String client) {
		Instant now = this.clock.instant();
		return Optional.ofNullable(lockedUntil(user(username), client(client)))
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
			if (this.buckets.consume(key, LoginThrottle::configuration).getRemainingTokens() == 0) {
				lock(key, this.clock.instant().plus(LOCK));
				this.buckets.reset(key);
				lock = true;
			}
		}
		return lock ? Optional.of(LOCK) : Optional.empty();
	}

	void succeeded(String username, String client) {
		this.buckets.reset(user(username));
		this.buckets.reset(client(client));
	}

	private @Nullable Instant lockedUntil(String userKey, String clientKey) {
		if (!this.buckets.shared()) {
			return later(this.locks.getIfPresent(userKey), this.locks.getIfPresent(clientKey));
		}
		List<OffsetDateTime> until = this.jdbc
			.sql("select locked_until from login_lock where lock_key in (:user, :client)")
			.param("user", userKey)
			.param("client", clientKey)
			.query(OffsetDateTime.class)
			.list();
		return until.stream().map(OffsetDateTime::toInstant).reduce(LoginThrottle::later).orElse(null);
	}

	private void lock(String key, Instant until) {
		if (!this.buckets.shared()) {
			this.locks.put(key, until);
			return;
		}
		OffsetDateTime time = until.atOffset(ZoneOffset.UTC);
		this.jdbc.sql("delete from login_lock where locked_until < :now")
			.param("now", this.clock.instant().atOffset(ZoneOffset.UTC))
			.update();
		if (this.jdbc.sql("update login_lock set locked_until = :until where lock_key = :key")
			.param("until", time)
			.param("key", key)
			.update() == 0) {
			try {
				this.jdbc.sql("insert into login_lock (lock_key, locked_until) values (:key, :until)")
					.param("key", key)
					.param("until", time)
					.update();
			}
			catch (DuplicateKeyException ex) {
				lock(key, until); // another instance locked it at the same moment
			}
		}
	}

	private static BucketConfiguration configuration() {
		return BucketConfiguration.builder()
			.addLimit((limit) -> limit.capacity(TRIES).refillGreedy(TRIES, WINDOW))
			.build();
	}

	private static String user(String username) {
		return "login-user:" + username.strip().toLowerCase(Locale.ROOT);
	}

	private static String client(String client) {
		return "login-client:" + client;
	}

	private static @Nullable Instant later(@Nullable Instant a, @Nullable Instant b) {
		if (a == null) {
			return b;
		}
		return (b == null || a.isAfter(b)) ? a : b;
	}

}
