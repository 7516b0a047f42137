package blog.feed;

import java.nio.charset.StandardCharsets;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.Hashes;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The feeds at Blogger's addresses: {@code /feeds/posts/default} (and {@code summary}),
 * per label {@code /feeds/posts/default/-/{label}}, a post's comments
 * {@code /feeds/{post}/comments/default} and the blog's {@code /feeds/comments/default}.
 * Atom unless {@code ?alt=rss}; {@code ?max-results=} as on Blogger (1 to 500, 25 by
 * default). Answers carry an ETag, so that a feed reader polling gets 304 until something
 * changed.
 */
@RestController
class FeedController {

	private static final int DEFAULT_RESULTS = 25;

	private static final int MAX_RESULTS = 500;

	private final Feeds feeds;

	private final PostCatalog catalog;

	FeedController(Feeds feeds, PostCatalog catalog) {
		this.feeds = feeds;
		this.catalog = catalog;
	}

	@GetMapping("/feeds/posts/{kind:default|summary}")
	ResponseEntity<String> posts(@PathVariable String kind, @RequestParam(required = false) @Nullable String alt,
			@RequestParam(name = "max-results", required = false) @Nullable String max, HttpServletRequest request) {
		Feeds.Format format = format(alt);
		return answer(this.feeds.posts(null, "summary".equals(kind), results(max), format, self(request)), format);
	}

	@GetMapping("/feeds/posts/{kind:default|summary}/-/{label}")
	ResponseEntity<String> label(@PathVariable String kind, @PathVariable String label,
			@RequestParam(required = false) @Nullable String alt,
			@RequestParam(name = "max-results", required = false) @Nullable String max, HttpServletRequest request) {
		if (this.catalog.withLabel(label).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Feeds.Format format = format(alt);
		return answer(this.feeds.posts(label, "summary".equals(kind), results(max), format, self(request)), format);
	}

	@GetMapping("/feeds/{postId}/comments/default")
	ResponseEntity<String> postComments(@PathVariable String postId,
			@RequestParam(required = false) @Nullable String alt,
			@RequestParam(name = "max-results", required = false) @Nullable String max, HttpServletRequest request) {
		Post found = this.catalog.find(postId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Feeds.Format format = format(alt);
		return answer(this.feeds.comments(found, results(max), format, self(request)), format);
	}

	@GetMapping("/feeds/comments/default")
	ResponseEntity<String> comments(@RequestParam(required = false) @Nullable String alt,
			@RequestParam(name = "max-results", required = false) @Nullable String max, HttpServletRequest request) {
		Feeds.Format format = format(alt);
		return answer(this.feeds.comments(null, results(max), format, self(request)), format);
	}

	private static Feeds.Format format(@Nullable String alt) {
		if (alt == null || alt.isEmpty() || "atom".equals(alt)) {
			return Feeds.Format.ATOM;
		}
		if ("rss".equals(alt)) {
			return Feeds.Format.RSS;
		}
		throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "alt is atom or rss");
	}

	private static int results(@Nullable String max) {
		if (max == null || max.isEmpty()) {
			return DEFAULT_RESULTS;
		}
		if (!max.matches("\\d{1,3}") || Integer.parseInt(max) < 1 || Integer.parseInt(max) > MAX_RESULTS) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "max-results is 1 to 500");
		}
		return Integer.parseInt(max);
	}

	/** the feed's own address, as the blog's public address and the path asked for */
	private String self(HttpServletRequest request) {
		return this.catalog.site().absolute(request.getRequestURI());
	}

	/** Spring MVC answers 304 itself when the request names this ETag */
	private static ResponseEntity<String> answer(String feed, Feeds.Format format) {
		String etag = "\"" + digest(feed) + "\"";
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.parseMediaType(format.mediaType), StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.eTag(etag)
			.body(feed);
	}

	private static String digest(String feed) {
		return Hashes.sha256(12, feed.getBytes(StandardCharsets.UTF_8));
	}

}
