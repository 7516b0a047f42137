package blog.comment;

import java.time.Duration;
import java.util.Optional;

import blog.system.BlogProperties;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import org.springframework.stereotype.Component;

/**
 * How many comments one client may send: {@code blog.comments.rate-limit.per-minute} and
 * {@code per-day}, as Bucket4j token buckets kept in memory per client (by its salted
 * hash).
 */
@Component
class CommentRateLimiter {

	private final Cache<String, Bucket> buckets = Caffeine.newBuilder()
		.expireAfterAccess(Duration.ofDays(1))
		.maximumSize(100_000)
		.build();

	private final BlogProperties.RateLimit limit;

	CommentRateLimiter(BlogProperties properties) {
		this.limit = properties.comments().rateLimit();
	}

	/**
	 * @param client the client's hash
	 * @return empty when it may send now, else how long it must wait
	 */
	Optional<Duration> tryAcquire(String client) {
		ConsumptionProbe probe = this.buckets.get(client, (key) -> newBucket()).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty()
				: Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()).plusSeconds(1).withNanos(0));
	}

	private Bucket newBucket() {
		return Bucket.builder()
			.addLimit((bandwidth) -> bandwidth.capacity(this.limit.perMinute())
				.refillGreedy(this.limit.perMinute(), Duration.ofMinutes(1)))
			.addLimit((bandwidth) -> bandwidth.capacity(this.limit.perDay())
				.refillGreedy(this.limit.perDay(), Duration.ofDays(1)))
			.build();
	}

}
