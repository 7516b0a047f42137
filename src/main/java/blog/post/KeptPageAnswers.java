package blog.post;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

import blog.system.EarlyAnswers;
import blog.system.Languages;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ETag;
import org.springframework.stereotype.Component;

/**
 * Post pages kept in memory, given by the web server before the servlet layer: the same
 * answer {@link PageCacheFilter} gives for a page it has kept (the bytes, a fresh form
 * token, the headers, 304 for a current ETag), without the filters, the dispatcher or a
 * servlet request. A page not kept yet, or changed since, is left to the application (the
 * filter renders it), as is anything unusual: a precondition other than
 * {@code If-None-Match}, or a header sent twice.
 */
@Component
class KeptPageAnswers implements EarlyAnswers {

	/**
	 * a page of comments, and Blogger's mobile switch ({@code m=1}, {@code m=0}), which
	 * changes nothing
	 */
	private static final Pattern PAGE_QUERY = Pattern
		.compile("page=[1-9]\\d{0,5}(?:&m=[01])?|m=[01](?:&page=[1-9]\\d{0,5})?");

	private final PostCatalog catalog;

	private final Discussion discussion;

	private final Clock clock;

	private final KeptPages kept;

	private final Languages languages;

	/** whether each {@code Accept-Encoding} seen lately takes gzip: browsers send few */
	private final Cache<String, Boolean> gzipAccepted = Caffeine.newBuilder().maximumSize(1000).build();

	/** how many requests were answered here */
	private final LongAdder answered = new LongAdder();

	KeptPageAnswers(PostCatalog catalog, Discussion discussion, Clock clock, KeptPages kept, Languages languages) {
		this.catalog = catalog;
		this.discussion = discussion;
		this.clock = clock;
		this.kept = kept;
		this.languages = languages;
	}

	@Override
	public @Nullable Answer answer(Asked request) {
		if (request.header("If-Match") != null || request.header("If-Unmodified-Since") != null
				|| request.repeated("If-None-Match") || request.repeated("Accept-Encoding")
				|| request.repeated("Accept-Language")) {
			return null;
		}
		String query = pageQuery(request.query());
		Optional<Post> post = cacheable(request.path(), query);
		if (post.isEmpty()) {
			return null;
		}
		String slug = post.get().slug();
		long version = this.discussion.version(slug);
		String key = KeptPages.key(request.path(), query,
				this.languages.choose(request.header("Accept-Language")).getLanguage());
		KeptPages.Kept page = this.kept.get(key);
		// a page changed since is rendered by the application; while one request renders
		// it, the others get the bytes it had, as the filter gives them
		if (page == null || (!this.kept.current(page, version) && !this.kept.rendering(key))) {
			return null;
		}
		this.answered.increment();
		KeptPages.Kept.Headers headers = page.headers(hour());
		String ifNoneMatch = request.header("If-None-Match");
		if (ifNoneMatch != null && matches(ifNoneMatch, headers.etag())) {
			return new Answer(304, headers.notModified(), List.of());
		}
		SplicedPage.Parts parts = page.page().with(page.page().spliced() ? this.discussion.formToken(slug) : "");
		String acceptEncoding = request.header("Accept-Encoding");
		boolean gzip = acceptEncoding != null && this.gzipAccepted.get(acceptEncoding, KeptPageAnswers::acceptsGzip);
		return gzip ? new Answer(200, headers.gzip(), parts.gzip()) : new Answer(200, headers.plain(), parts.plain());
	}

	/**
	 * @return how many requests were answered here, since the start
	 */
	long answered() {
		return this.answered.sum();
	}

	/**
	 * @param path a request's path, as sent
	 * @param query its query, as sent, if any
	 * @return the post it asks for, if its answer is the same for every reader: {@code /}
	 * or a permalink, with no query but a page of comments
	 */
	Optional<Post> cacheable(String path, @Nullable String query) {
		if (query != null && !PAGE_QUERY.matcher(query).matches()) {
			return Optional.empty();
		}
		if ("/".equals(path)) {
			return Optional.of(this.catalog.newest());
		}
		return this.catalog.atPermalink(path);
	}

	/**
	 * a campaign parameter: the blog's own feed and mail links carry one, for the
	 * statistics
	 */
	private static final Pattern CAMPAIGN = Pattern.compile("(?:^|&)utm_[a-z]{1,20}=[^&]{0,100}");

	/**
	 * @param query a request's query, as sent, if any
	 * @return it without its {@code utm_*} parameters, which change nothing on the page
	 * (the statistics read them from the request), or null when nothing else is left
	 */
	static @Nullable String pageQuery(@Nullable String query) {
		if (query == null || !query.contains("utm_")) {
			return query;
		}
		String rest = CAMPAIGN.matcher(query).replaceAll("");
		rest = rest.startsWith("&") ? rest.substring(1) : rest;
		return rest.isEmpty() ? null : rest;
	}

	/**
	 * @return hours since the epoch, now: a page's ETag names the hour
	 */
	long hour() {
		return this.clock.instant().getEpochSecond() / 3600;
	}

	/**
	 * @param ifNoneMatch the request's {@code If-None-Match}
	 * @param etag the page's
	 * @return whether the reader has the page (weak comparison, RFC 9110, 13.1.2; "*"
	 * matches any current page)
	 */
	static boolean matches(String ifNoneMatch, String etag) {
		ETag ours = ETag.create(etag);
		for (ETag theirs : ETag.parse(ifNoneMatch)) {
			if (theirs.isWildcard() || theirs.compare(ours, false)) {
				return true;
			}
		}
		return false;
	}

	static boolean acceptsGzip(@Nullable String acceptEncoding) {
		if (acceptEncoding == null) {
			return false;
		}
		for (String coding : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
			String[] parts = coding.split(";");
			if (parts[0].strip().equals("gzip")) {
				return parts.length < 2 || !parts[1].replace(" ", "").matches("q=0(\\.0{0,3})?");
			}
		}
		return false;
	}

}
