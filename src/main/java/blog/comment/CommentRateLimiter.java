package blog.comment;

import java.time.Duration;
import java.util.Optional;

import blog.system.RateBuckets;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * How many comments (or reports) one client may send:
 * {@code blog.comments.rate-limit.per-minute} and {@code per-day}, as Bucket4j token
 * buckets per client (by its salted hash), shared by the instances when they share a
 * database.
 */
@Component
public class CommentRateLimiter {

	private final RateBuckets buckets;

	private final CommentProperties.RateLimit limit;

	CommentRateLimiter(RateBuckets buckets, CommentProperties properties) {
		this.buckets = buckets;
		this.limit = properties.rateLimit();
	}

	/**
	 * @param client the client's hash (with a prefix for what else it limits)
	 * @return empty when it may send now, else how long it must wait
	 */
	public Optional<Duration> tryAcquire(String client) {
		ConsumptionProbe probe = this.buckets.consume("comment\n" + client, this::configuration);
		return probe.isConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
	}

	private BucketConfiguration configuration() {
		return BucketConfiguration.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(this.limit.perMinute())
				.refillGreedy(this.limit.perMinute(), Duration.ofMinutes(1)))
			.addLimit((bandwidth) -> bandwidth.capacity(this.limit.perDay())
				.refillGreedy(this.limit.perDay(), Duration.ofDays(1)))
			.build();
	}

}
