package blog.stats;

import java.time.Duration;
import java.util.Set;

import blog.post.PostCatalog;
import blog.system.Keys;
import blog.system.RateBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Outbound clicks, by the HTML {@code ping} attribute: a browser that follows a link with
 * one POSTs to it, with the link's address in {@code Ping-To}, and the link itself stays
 * as it is. Only the blog's own links count (the posts' news items, originals and links,
 * the sidebar's), so nobody can fill the figures with addresses of their own; robots'
 * pings do not count, and each client has {@value #PER_MINUTE} a minute.
 */
@RestController
class PingController {

	static final String PATH = "/stats/ping";

	static final int PER_MINUTE = 20;

	private final Set<String> links;

	private final Tally tally;

	private final PageViews views;

	private final Robots robots;

	private final RateBuckets buckets;

	private final Keys keys;

	private final boolean enabled;

	PingController(PostCatalog catalog, Tally tally, PageViews views, Robots robots, RateBuckets buckets, Keys keys,
			StatsProperties settings) {
		this.links = catalog.outboundLinks();
		this.tally = tally;
		this.views = views;
		this.robots = robots;
		this.buckets = buckets;
		this.keys = keys;
		this.enabled = settings.enabled();
	}

	@PostMapping(PATH)
	ResponseEntity<String> ping(@RequestHeader(name = "Ping-To", required = false) @Nullable String to,
			@RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent,
			HttpServletRequest request) {
		if (!this.enabled) {
			return answer(HttpStatus.NO_CONTENT, null);
		}
		if (to == null || !this.links.contains(to)) {
			return answer(HttpStatus.BAD_REQUEST, "Not one of this blog's links.\n");
		}
		if (!this.buckets.consume("stats-ping:" + this.keys.client(request.getRemoteAddr()), () -> BucketConfiguration
			.builder()
			.addLimit(Bandwidth.builder().capacity(PER_MINUTE).refillGreedy(PER_MINUTE, Duration.ofMinutes(1)).build())
			.build()).isConsumed()) {
			return answer(HttpStatus.TOO_MANY_REQUESTS, "Too many pings.\n");
		}
		if (this.robots.kind(userAgent) == null) {
			this.tally.count(this.views.today(), "outbound", to);
		}
		return answer(HttpStatus.NO_CONTENT, null);
	}

	private static ResponseEntity<String> answer(HttpStatus status, @Nullable String text) {
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(text);
	}

	/**
	 * Gives every page the ping address for its outbound links ({@code ping}), or none
	 * when nothing is counted.
	 */
	@ControllerAdvice
	static class PingAddress {

		private final @Nullable String address;

		PingAddress(StatsProperties settings, PostCatalog catalog) {
			// absolute, as HTML wants it: the blog's public address
			this.address = settings.enabled() ? catalog.site().absolute(PATH) : null;
		}

		@ModelAttribute("ping")
		@Nullable String ping() {
			return this.address;
		}

	}

}
