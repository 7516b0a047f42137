package blog.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.springframework.stereotype.Component;

/**
 * The counts since the last flush, in memory: added to by the server's threads without a
 * lock, taken out by the flush, which adds them to the database's daily totals. Names
 * that come from readers (a page's address as sent, a referring site, a campaign) are at
 * most {@link #NAMES} a day of each kind; the rest add up under {@link #OTHERS}.
 */
@Component
final class Tally {

	/** how many names of one kind a day are kept apart */
	static final int NAMES = 500;

	/** where the names beyond those add up */
	static final String OTHERS = "(others)";

	/** the path of the whole blog's figures */
	static final String BLOG = "*";

	record Page(LocalDate day, String path) {
	}

	record Count(LocalDate day, String kind, String name) {
	}

	/**
	 * What a flush takes out.
	 */
	record Taken(Map<Page, long[]> pages, Map<Count, Long> counts, Map<Count, Long> highest) {

		boolean isEmpty() {
			return this.pages.isEmpty() && this.counts.isEmpty() && this.highest.isEmpty();
		}

	}

	private final Map<Page, LongAdder[]> pages = new ConcurrentHashMap<>();

	private final Map<Count, LongAdder> counts = new ConcurrentHashMap<>();

	private final Map<Count, AtomicLong> highest = new ConcurrentHashMap<>();

	/** names seen per day and kind, for the cap */
	private final Map<String, LongAdder> names = new ConcurrentHashMap<>();

	void view(LocalDate day, String path, Visitors.Seen seen) {
		Page key = new Page(day, path);
		LongAdder[] page = this.pages.get(key);
		if (page == null) {
			// a label's address in another case or encoding is another path: at most
			// NAMES a day
			LongAdder paths = this.names.computeIfAbsent(day + " page", (k) -> new LongAdder());
			if (paths.sum() >= NAMES) {
				key = new Page(day, OTHERS);
			}
			else {
				paths.increment();
			}
			page = this.pages.computeIfAbsent(key, Tally::pair);
		}
		page[0].increment();
		if (seen.newToPage()) {
			page[1].increment();
		}
		LongAdder[] blog = this.pages.computeIfAbsent(new Page(day, BLOG), Tally::pair);
		blog[0].increment();
		if (seen.newToBlog()) {
			blog[1].increment();
		}
	}

	void count(LocalDate day, String kind, String name) {
		this.counts.computeIfAbsent(capped(day, kind, name), (key) -> new LongAdder()).increment();
	}

	/** keeps the day's highest figure, not a sum (a feed service's subscribers) */
	void highest(LocalDate day, String kind, String name, long n) {
		this.highest.computeIfAbsent(capped(day, kind, name), (key) -> new AtomicLong()).accumulateAndGet(n, Math::max);
	}

	private Count capped(LocalDate day, String kind, String name) {
		Count count = new Count(day, kind, name);
		if (this.counts.containsKey(count) || this.highest.containsKey(count)) {
			return count;
		}
		LongAdder seen = this.names.computeIfAbsent(day + " " + kind, (key) -> new LongAdder());
		if (seen.sum() >= NAMES) {
			return new Count(day, kind, OTHERS);
		}
		seen.increment();
		return count;
	}

	/**
	 * Takes the counts out: what is added meanwhile is in the next flush's.
	 */
	Taken take(LocalDate today) {
		Map<Page, long[]> pages = new java.util.HashMap<>();
		this.pages.forEach((key, adders) -> {
			long views = adders[0].sumThenReset();
			long visitors = adders[1].sumThenReset();
			if (views != 0 || visitors != 0) {
				pages.put(key, new long[] { views, visitors });
			}
		});
		Map<Count, Long> counts = new java.util.HashMap<>();
		this.counts.forEach((key, adder) -> {
			long n = adder.sumThenReset();
			if (n != 0) {
				counts.put(key, n);
			}
		});
		Map<Count, Long> highest = new java.util.HashMap<>();
		this.highest.forEach((key, value) -> {
			long n = value.getAndSet(0);
			if (n != 0) {
				highest.put(key, n);
			}
		});
		forgetBefore(today);
		return new Taken(pages, counts, highest);
	}

	/** puts counts back that could not be stored, to go with the next flush */
	void putBack(Taken taken) {
		taken.pages().forEach((key, n) -> {
			LongAdder[] page = this.pages.computeIfAbsent(key, Tally::pair);
			page[0].add(n[0]);
			page[1].add(n[1]);
		});
		taken.counts().forEach((key, n) -> this.counts.computeIfAbsent(key, (k) -> new LongAdder()).add(n));
		taken.highest()
			.forEach((key, n) -> this.highest.computeIfAbsent(key, (k) -> new AtomicLong())
				.accumulateAndGet(n, Math::max));
	}

	/** drops the keys of days before yesterday once they hold nothing */
	private void forgetBefore(LocalDate today) {
		LocalDate yesterday = today.minusDays(1);
		List<Object> old = new ArrayList<>();
		this.pages.forEach((key, adders) -> {
			if (key.day().isBefore(yesterday) && adders[0].sum() == 0 && adders[1].sum() == 0) {
				old.add(key);
			}
		});
		this.counts.forEach((key, adder) -> {
			if (key.day().isBefore(yesterday) && adder.sum() == 0) {
				old.add(key);
			}
		});
		this.highest.forEach((key, value) -> {
			if (key.day().isBefore(yesterday) && value.get() == 0) {
				old.add(key);
			}
		});
		old.forEach((key) -> {
			this.pages.remove(key);
			this.counts.remove(key);
			this.highest.remove(key);
		});
		this.names.keySet().removeIf((key) -> LocalDate.parse(key.substring(0, 10)).isBefore(yesterday));
	}

	private static LongAdder[] pair(Page key) {
		return new LongAdder[] { new LongAdder(), new LongAdder() };
	}

}
