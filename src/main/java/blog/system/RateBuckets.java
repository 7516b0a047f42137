package blog.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.local.LocalBucketBuilder;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Bucket4j token buckets by key (a client's hash, a user name), for the rate limits and
 * the login's count of failures. Kept in memory, or, when several instances share a
 * PostgreSQL database ({@code blog.shared-database}), in its {@code rate_bucket} table
 * through Bucket4j's PostgreSQL proxy manager (a {@code SELECT ... FOR UPDATE} per
 * consumption), so that a client's limit holds whichever instance it reaches.
 */
@Component
public class RateBuckets {

	private static final Log logger = LogFactory.getLog(RateBuckets.class);

	private final Cache<String, Bucket> local = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofDays(1))
		.maximumSize(200_000)
		.build();

	private final @Nullable PostgreSQLSelectForUpdateBasedProxyManager<String> shared;

	RateBuckets(DataSource dataSource, BlogProperties properties) {
		this.shared = (properties.sharedDatabase() && postgres(dataSource))
				? Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
					.primaryKeyMapper(PrimaryKeyMapper.STRING)
					.table("rate_bucket")
					.idColumn("id")
					.stateColumn("state")
					.expiresAtColumn("expires_at")
					.expirationAfterWrite(
							ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
					.build()
				: null;
	}

	/**
	 * @return whether the buckets are in the shared database
	 */
	public boolean shared() {
		return this.shared != null;
	}

	/**
	 * Takes one token from a key's bucket, made with the configuration on first use.
	 * @param key whose bucket (with a prefix for what it limits)
	 * @param configuration the bucket's limits
	 * @return whether the token was there, and how long until the next one if not
	 */
	public ConsumptionProbe consume(String key, Supplier<BucketConfiguration> configuration) {
		if (this.shared != null) {
			return this.shared.builder().build(key, configuration).tryConsumeAndReturnRemaining(1);
		}
		return this.local.get(key, (k) -> {
			LocalBucketBuilder bucket = Bucket.builder();
			for (Bandwidth bandwidth : configuration.get().getBandwidths()) {
				bucket.addLimit(bandwidth);
			}
			return bucket.build();
		}).tryConsumeAndReturnRemaining(1);
	}

	/**
	 * Forgets a key's bucket: it starts full again.
	 */
	public void reset(String key) {
		if (this.shared != null) {
			this.shared.removeProxy(key);
		}
		else {
			this.local.invalidate(key);
		}
	}

	/**
	 * Every ten minutes, the shared table drops the buckets that have been full again for
	 * a while.
	 */
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void removeExpired() {
		if (this.shared == null) {
			return;
		}
		try {
			int removed;
			do {
				removed = this.shared.removeExpired(1000);
			}
			while (removed == 1000);
		}
		catch (RuntimeException ex) {
			logger.warn("Could not remove expired rate buckets: " + ex.getMessage());
		}
	}

	private static boolean postgres(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not reach the database", ex);
		}
	}

}
