package blog.stats;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The author's statistics, {@code blog.stats.*}.
 *
 * @param enabled whether to count at all
 * @param flushInterval how often the counts in memory are added to the database: what a
 * kill -9 may lose at most
 * @param keep how long the daily figures are kept; 0 keeps them for ever
 */
@ConfigurationProperties("blog.stats")
record StatsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("5s") Duration flushInterval,
		@DefaultValue("0d") Duration keep) {

	StatsProperties {
		if (flushInterval.compareTo(Duration.ofMillis(100)) < 0 || flushInterval.compareTo(Duration.ofMinutes(5)) > 0) {
			throw new IllegalArgumentException(
					"blog.stats.flush-interval must be between 100ms and 5m, not " + flushInterval);
		}
		if (keep.isNegative() || (!keep.isZero() && keep.compareTo(Duration.ofDays(7)) < 0)) {
			throw new IllegalArgumentException("blog.stats.keep must be 0 (for ever) or at least 7d, not " + keep);
		}
	}

}
