package blog.post;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

import blog.system.BlogProperties;
import blog.system.EarlyAnswers.Header;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.ServletException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The post pages kept in memory, and the renders under way. The pages kept are the ones
 * readers ask for, within a quarter of the heap, weighed in bytes; the least used go
 * first. One page is rendered by one request at a time: readers who ask for it meanwhile
 * get the bytes it had before (a moment old), or, when there are none, wait for that
 * render rather than start their own. {@link PageCacheFilter} renders and keeps them;
 * {@link KeptPageAnswers} gives them before the servlet layer.
 * <p>
 * Changes that come fast are coalesced in time as well: a page rendered again for a
 * change stays current for {@code blog.rerender-interval} (400 ms) after that render, so
 * that a post taking 20 comments a second costs 2.5 renders a second, not twenty, and
 * shows each comment within half a second. The first change after a quiet moment renders
 * at once.
 */
@Component
final class KeptPages {

	/** how long a page rendered again for a change stays current, in nanoseconds */
	private final long rest;

	private final Cache<String, Kept> pages = Caffeine.newBuilder()
		.maximumWeight(Runtime.getRuntime().maxMemory() / 4)
		.weigher((String key, Kept page) -> page.page().size())
		.build();

	/** the renders under way, each with what its waiting readers will get */
	private final ConcurrentMap<String, CompletableFuture<@Nullable Kept>> rendering = new ConcurrentHashMap<>();

	/** how many times a page was rendered to be kept */
	private final LongAdder renders = new LongAdder();

	KeptPages(BlogProperties properties) {
		this.rest = properties.rerenderInterval().toNanos();
	}

	/**
	 * @param path the request's path, as sent
	 * @param query its query, as sent, if any
	 * @param language the language of the blog's own words on the page
	 * @return the key the page is kept under
	 */
	static String key(String path, @Nullable String query, String language) {
		return path + "?" + query + "|" + language;
	}

	/**
	 * @param key which page (address, query, language)
	 * @return the page kept under that key, at whatever version
	 */
	@Nullable Kept get(String key) {
		return this.pages.getIfPresent(key);
	}

	/** forgets every page kept: each is rendered again when next asked for */
	void clear() {
		this.pages.invalidateAll();
	}

	/**
	 * @param page a page kept
	 * @param version its post's version now
	 * @return whether it may be given as it is: it shows that version, or it was rendered
	 * for a change a moment ago ({@code blog.rerender-interval})
	 */
	boolean current(Kept page, long version) {
		return page.version() == version || (page.replaced && System.nanoTime() - page.renderedAt < this.rest);
	}

	/**
	 * @param key which page
	 * @return whether a request is rendering it now
	 */
	boolean rendering(String key) {
		return this.rendering.containsKey(key);
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
				rendered.replaced = stale != null && stale.version() != rendered.version();
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
	 * A page kept, and the headers it is sent with.
	 */
	static final class Kept {

		private static final Header NO_CACHE = new Header("Cache-Control", "no-cache");

		private static final Header VARY = new Header("Vary", "Accept-Encoding, Accept-Language");

		private static final Header GZIP = new Header("Content-Encoding", "gzip");

		private final SplicedPage page;

		private final long version;

		private final String digest;

		private final String contentType;

		private final @Nullable String language;

		/** the headers of the hour they were last asked for */
		private volatile @Nullable Headers headers;

		/** when it was rendered ({@link System#nanoTime()}) */
		private final long renderedAt = System.nanoTime();

		/** whether it replaced a page that showed an older version */
		private volatile boolean replaced;

		/**
		 * @param page its bytes
		 * @param version the version of its post's comments it shows
		 * @param digest what names its fixed bytes in the ETag
		 * @param contentType its content type
		 * @param language its Content-Language
		 */
		Kept(SplicedPage page, long version, String digest, String contentType, @Nullable String language) {
			this.page = page;
			this.version = version;
			this.digest = digest;
			this.contentType = contentType;
			this.language = language;
		}

		SplicedPage page() {
			return this.page;
		}

		long version() {
			return this.version;
		}

		/**
		 * @param hour hours since the epoch
		 * @return the page's headers in that hour: its ETag names its fixed bytes and the
		 * hour, so that a browser revalidates at least hourly and gets a fresh token
		 */
		Headers headers(long hour) {
			Headers headers = this.headers;
			if (headers == null || headers.hour() != hour) {
				String etag = "W/\"" + this.digest + "-" + hour + "\"";
				List<Header> notModified = List.of(NO_CACHE, VARY, new Header("ETag", etag));
				Header type = new Header("Content-Type", this.contentType);
				List<Header> plain = (this.language != null)
						? List.of(NO_CACHE, VARY, notModified.get(2), type,
								new Header("Content-Language", this.language))
						: List.of(NO_CACHE, VARY, notModified.get(2), type);
				List<Header> gzip = new ArrayList<>(plain);
				gzip.add(GZIP);
				headers = new Headers(hour, etag, notModified, plain, List.copyOf(gzip));
				this.headers = headers;
			}
			return headers;
		}

		/**
		 * A kept page's headers in one hour, but for its length and those every answer
		 * carries.
		 *
		 * @param hour hours since the epoch
		 * @param etag its ETag
		 * @param notModified a 304's
		 * @param plain the page's
		 * @param gzip the gzipped page's
		 */
		record Headers(long hour, String etag, List<Header> notModified, List<Header> plain, List<Header> gzip) {
		}

	}

}
