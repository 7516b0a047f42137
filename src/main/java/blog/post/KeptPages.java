package blog.post;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;

/**
 * The pages {@link PageCacheFilter} keeps, and the renders under way. The pages kept are
 * the ones readers ask for, within a quarter of the heap, weighed in bytes; the least
 * used go first. One page is rendered by one request at a time: readers who ask for it
 * meanwhile get the bytes it had before (a moment old), or, when there are none, wait for
 * that render rather than start their own.
 */
final class KeptPages {

	private final Cache<String, Kept> pages = Caffeine.newBuilder()
		.maximumWeight(Runtime.getRuntime().maxMemory() / 4)
		.weigher((String key, Kept page) -> page.page().size())
		.build();

	/** the renders under way, each with what its waiting readers will get */
	private final ConcurrentMap<String, CompletableFuture<@Nullable Kept>> rendering = new ConcurrentHashMap<>();

	/** how many times a page was rendered to be kept */
	private final LongAdder renders = new LongAdder();

	/**
	 * @param key which page (address, query, language)
	 * @return the page kept under that key, at whatever version
	 */
	@Nullable Kept get(String key) {
		return this.pages.getIfPresent(key);
	}

	/**
	 * Renders the page, unless another request is rendering it already.
	 * @param key which page
	 * @param stale the bytes it had, if any
	 * @param render renders it for this request, and answers the request itself when the
	 * answer is not a page to keep
	 * @return the page to send; {@code null} when the request was answered
	 */
	@Nullable Kept renderOnce(String key, @Nullable Kept stale, Render render) throws ServletException, IOException {
		CompletableFuture<@Nullable Kept> mine = new CompletableFuture<>();
		CompletableFuture<@Nullable Kept> theirs = this.rendering.putIfAbsent(key, mine);
		if (theirs != null) {
			if (stale != null) {
				return stale;
			}
			Kept rendered = theirs.join();
			// nothing to keep came of it (an error, say): this request asks for itself
			return (rendered != null) ? rendered : render.render();
		}
		Kept rendered = null;
		try {
			this.renders.increment();
			rendered = render.render();
			if (rendered != null) {
				this.pages.put(key, rendered);
			}
		}
		finally {
			this.rendering.remove(key, mine);
			mine.complete(rendered);
		}
		return rendered;
	}

	/**
	 * @return how many times a page was rendered to be kept, since the start
	 */
	long renders() {
		return this.renders.sum();
	}

	/**
	 * Renders a page for one request.
	 */
	interface Render {

		@Nullable Kept render() throws ServletException, IOException;

	}

	/**
	 * A page kept.
	 *
	 * @param page its bytes
	 * @param version the version of its post's comments it shows
	 * @param digest what names its fixed bytes in the ETag
	 * @param contentType its content type
	 * @param language its Content-Language
	 */
	record Kept(SplicedPage page, long version, String digest, String contentType, @Nullable String language) {
	}

}
