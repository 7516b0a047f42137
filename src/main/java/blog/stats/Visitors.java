package blog.stats;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.crypto.macs.SipHash;
import org.bouncycastle.crypto.params.KeyParameter;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Who is a new visitor today, the way Plausible and GoatCounter count them without a
 * cookie: a hash of a secret salt, the client's address and its {@code User-Agent}. The
 * hash is SipHash-2-4 (Bouncy Castle's), a keyed hash made for short inputs under a
 * secret key, of the address and the {@code User-Agent}'s {@link String#hashCode()}:
 * cheaper per request than the SHA-256 of them all that it replaced, which took half of
 * the counting's time under load. The salt, its key, is random, made for one day (UTC)
 * and held in memory only: it is never written anywhere, and at the day's end it is
 * dropped with the day's hashes, so that nothing links a reader's visits on two days, and
 * nothing kept names a reader at all. The hashes are only in memory too, and only for
 * their day.
 * <p>
 * So a restart forgets the day's hashes: a reader who comes back after it counts as a new
 * visitor that day; so does a reader whose requests two instances answer.
 */
@Component
final class Visitors {

	/**
	 * at most this many hashes a day, for the blog and for its pages each (then every
	 * visit of a visitor not seen yet counts as new): the two sets then hold about 12 MB,
	 * whatever a client sends (a new {@code User-Agent} on every request makes a new hash
	 * each time)
	 */
	static final int MOST = 100_000;

	private static final SecureRandom random = new SecureRandom();

	/**
	 * One day's salt and the hashes seen on it.
	 */
	private record Day(long epochDay, KeyParameter salt, Set<Long> blog, Set<Long> pages) {

		static Day of(long epochDay) {
			byte[] salt = new byte[16];
			random.nextBytes(salt);
			return new Day(epochDay, new KeyParameter(salt), ConcurrentHashMap.newKeySet(),
					ConcurrentHashMap.newKeySet());
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
		// beyond the cap, a visitor already seen is still known; a new one is new each
		// time
		return !seen.contains(hash) && (seen.size() >= MOST || seen.add(hash));
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

	private static long hash(KeyParameter salt, String client, String userAgent) {
		// a new one each time: cheaper than a thread's own (a server thread's many
		// thread-locals made the look-up cost more)
		SipHash hash = new SipHash();
		hash.init(salt);
		byte[] address = client.getBytes(StandardCharsets.UTF_8);
		hash.update(address, 0, address.length);
		hash.update((byte) 0);
		// the User-Agent by its String hash, which the robots' look-up has computed and
		// the
		// String keeps: two browsers behind one address are told apart but once in 2^32
		int browser = userAgent.hashCode();
		for (int shift = 0; shift < 32; shift += 8) {
			hash.update((byte) (browser >>> shift));
		}
		return hash.doFinal();
	}

}
