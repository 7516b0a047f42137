package blog.stats;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who is a new visitor today, the way Plausible and GoatCounter count them without a
 * cookie: a hash of a secret salt, the client's address and its {@code User-Agent}. The
 * salt is random, made for one day (UTC) and held in memory only: it is never written
 * anywhere, and at the day's end it is dropped with the day's hashes, so that nothing
 * links a reader's visits on two days, and nothing kept names a reader at all. The hashes
 * are only in memory too, and only for their day.
 * <p>
 * So a restart forgets the day's hashes: a reader who comes back after it counts as a new
 * visitor that day; so does a reader whose requests two instances answer.
 */
@Component
final class Visitors {

	/**
	 * at most this many hashes a day, for the blog and for its pages each (then every
	 * visit counts as new)
	 */
	static final int MOST = 1_000_000;

	private static final SecureRandom random = new SecureRandom();

	private static final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(() -> {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	});

	/**
	 * One day's salt and the hashes seen on it.
	 */
	private record Day(long epochDay, byte[] salt, Set<Long> blog, Set<Long> pages) {

		static Day of(long epochDay) {
			byte[] salt = new byte[32];
			random.nextBytes(salt);
			return new Day(epochDay, salt, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
		}

	}

	/**
	 * What a view was.
	 *
	 * @param newToBlog the visitor's first view of the day, on any page
	 * @param newToPage the visitor's first view of the day of this page
	 */
	record Seen(boolean newToBlog, boolean newToPage) {
	}

	private volatile @Nullable Day today;

	/**
	 * @param epochDay the day of the view (UTC)
	 * @param client the client's address
	 * @param userAgent its {@code User-Agent}
	 * @param path the page
	 * @return whether the visitor is new today to the blog and to the page
	 */
	Seen seen(long epochDay, String client, @Nullable String userAgent, String path) {
		Day day = day(epochDay);
		long visitor = hash(day.salt(), client, (userAgent != null) ? userAgent : "");
		long ofPage = visitor * 0x9E3779B97F4A7C15L ^ path.hashCode();
		return new Seen(add(day.blog(), visitor), add(day.pages(), ofPage));
	}

	private static boolean add(Set<Long> seen, long hash) {
		return seen.size() >= MOST || seen.add(hash);
	}

	private Day day(long epochDay) {
		Day day = this.today;
		if (day != null && day.epochDay() == epochDay) {
			return day;
		}
		synchronized (this) {
			day = this.today;
			if (day == null || day.epochDay() != epochDay) {
				// yesterday's salt and hashes go with the old day
				day = Day.of(epochDay);
				this.today = day;
			}
			return day;
		}
	}

	private static long hash(byte[] salt, String client, String userAgent) {
		MessageDigest digest = sha256.get();
		digest.reset();
		digest.update(salt);
		digest.update(client.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(userAgent.getBytes(StandardCharsets.UTF_8));
		return ByteBuffer.wrap(digest.digest()).getLong();
	}

}
