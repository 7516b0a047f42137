package blog.stats;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Adds the counts in memory to the database's daily totals every
 * {@code blog.stats.flush-interval} (5 s), and once more when the blog stops (after the
 * server has answered its last request, before the database closes): a graceful stop
 * loses nothing, a kill -9 at most one interval. Counts the database did not take (it is
 * away) stay in memory for the next flush. Once a day, deletes the days older than
 * {@code blog.stats.keep}, when that is set.
 */
@Component
class StatsFlusher implements DisposableBean {

	private static final Log logger = LogFactory.getLog(StatsFlusher.class);

	private final Tally tally;

	private final StatsStore store;

	private final Clock clock;

	private final Duration keep;

	private LocalDate purged = LocalDate.MIN;

	StatsFlusher(Tally tally, StatsStore store, Clock clock, StatsProperties settings) {
		this.tally = tally;
		this.store = store;
		this.clock = clock;
		this.keep = settings.keep();
	}

	@Scheduled(fixedDelayString = "${blog.stats.flush-interval:5s}",
			initialDelayString = "${blog.stats.flush-interval:5s}")
	synchronized void flush() {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		Tally.Taken taken = this.tally.take(today);
		if (!taken.isEmpty()) {
			store(taken);
		}
		if (!this.keep.isZero() && !today.equals(this.purged)) {
			this.purged = today;
			try {
				this.store.purge(today.minusDays(this.keep.toDays()));
			}
			catch (DataAccessException ex) {
				logger.warn("Old statistics not deleted: " + ex.getMessage());
			}
		}
	}

	/** stores each figure on its own, and puts back the ones not stored */
	private void store(Tally.Taken taken) {
		List<Runnable> steps = new ArrayList<>();
		Map<Tally.Page, long[]> pages = new java.util.HashMap<>(taken.pages());
		Map<Tally.Count, Long> counts = new java.util.HashMap<>(taken.counts());
		Map<Tally.Count, Long> highest = new java.util.HashMap<>(taken.highest());
		taken.pages().forEach((key, n) -> steps.add(() -> {
			this.store.addPage(key.day(), key.path(), n[0], n[1]);
			pages.remove(key);
		}));
		taken.counts().forEach((key, n) -> steps.add(() -> {
			this.store.addCount(key, n, false);
			counts.remove(key);
		}));
		taken.highest().forEach((key, n) -> steps.add(() -> {
			this.store.addCount(key, n, true);
			highest.remove(key);
		}));
		try {
			steps.forEach(Runnable::run);
		}
		catch (DataAccessException ex) {
			this.tally.putBack(new Tally.Taken(pages, counts, highest));
			logger.warn("Statistics kept in memory for the next flush, the database refused them: " + ex.getMessage());
		}
	}

	@Override
	public void destroy() {
		flush();
	}

}
