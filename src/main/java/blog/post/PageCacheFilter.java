package blog.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import blog.system.EarlyAnswers;
import blog.system.Hashes;
import blog.system.Keys;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Renders post pages to keep in memory, and serves them. A post page is the same bytes
 * for every reader until its comments change, but for the comment form's token, which
 * records when the reader got the page (the minimum fill time needs that). So a page is
 * rendered once, with a placeholder where the token goes, and kept as the bytes around
 * it, plain and gzipped; each request gets them with a fresh token spliced in. A comment
 * written or deleted moves the post's version, and the next request renders the page
 * again.
 * <p>
 * On a running server most requests for a kept page never get here: the web server gives
 * them from memory ({@link KeptPageAnswers}); this filter serves the rest (a conditional
 * request of another kind, say) with the same bytes and headers, and renders.
 * <p>
 * One page is rendered by one request at a time, and readers meanwhile get the bytes it
 * had (see {@link KeptPages}): a popular post that draws comments costs one render per
 * change however many readers arrive, never one per reader.
 * <p>
 * The ETag is weak (the token differs from answer to answer) and names the page's fixed
 * bytes and the hour, so that a page kept by a browser is revalidated with a fresh token
 * at least hourly; {@code If-None-Match} is answered 304 before anything is rendered.
 * Pages for one reader (just posted, replying, deleted) are not kept.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class PageCacheFilter extends OncePerRequestFilter {

	/**
	 * The request attribute that, while a page is rendered for keeping, holds the
	 * placeholder to render in place of the form's token.
	 */
	public static final String TOKEN_PLACEHOLDER = PageCacheFilter.class.getName() + ".tokenPlaceholder";

	private final KeptPageAnswers answers;

	private final KeptPages kept;

	private final Discussion discussion;

	/** a page is kept once per language of the blog's own words */
	private final LocaleResolver locales;

	/** unguessable, so that no comment can hold it */
	private final String placeholder = "token-placeholder-" + Keys.randomToken();

	PageCacheFilter(KeptPageAnswers answers, KeptPages kept, Discussion discussion, LocaleResolver locales) {
		this.answers = answers;
		this.kept = kept;
		this.discussion = discussion;
		this.locales = locales;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean head = "HEAD".equals(request.getMethod());
		String query = KeptPageAnswers.pageQuery(request.getQueryString());
		Optional<Post> post = ("GET".equals(request.getMethod()) || head)
				? this.answers.cacheable(request.getRequestURI(), query) : Optional.empty();
		if (post.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		String slug = post.get().slug();
		long version = this.discussion.version(slug);
		String key = KeptPages.key(request.getRequestURI(), query, this.locales.resolveLocale(request).getLanguage());
		KeptPages.Kept page = this.kept.get(key);
		if (page == null || !this.kept.current(page, version)) {
			page = this.kept.renderOnce(key, page, () -> render(request, response, chain, version));
			if (page == null) {
				return;
			}
		}
		KeptPages.Kept.Headers headers = page.headers(this.answers.hour());
		for (EarlyAnswers.Header header : headers.notModified()) {
			response.setHeader(header.name(), header.value());
		}
		// Spring matches the validators; "*" matches any current page (RFC 9110, 13.1.2),
		// which Spring leaves to safe methods' callers
		if (new ServletWebRequest(request, response).checkNotModified(headers.etag())
				|| "*".equals(request.getHeader("If-None-Match"))) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		boolean gzip = KeptPageAnswers.acceptsGzip(request.getHeader("Accept-Encoding"));
		for (EarlyAnswers.Header header : gzip ? headers.gzip() : headers.plain()) {
			response.setHeader(header.name(), header.value());
		}
		String token = page.page().spliced() ? this.discussion.formToken(slug) : "";
		if (gzip) {
			byte[] body = page.page().gzip(token);
			response.setContentLength(body.length);
			if (!head) {
				response.getOutputStream().write(body);
			}
		}
		else {
			response.setContentLength(page.page().plainLength(token));
			if (!head) {
				page.page().writePlain(token, response.getOutputStream());
			}
		}
	}

	private KeptPages.@Nullable Kept render(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
			long version) throws ServletException, IOException {
		ContentCachingResponseWrapper capture = new ContentCachingResponseWrapper(response);
		request.setAttribute(TOKEN_PLACEHOLDER, this.placeholder);
		try {
			chain.doFilter(request, capture);
		}
		finally {
			request.removeAttribute(TOKEN_PLACEHOLDER);
		}
		if (capture.getStatus() != HttpServletResponse.SC_OK || capture.getContentType() == null
				|| !capture.getContentType().startsWith("text/html")) {
			capture.copyBodyToResponse();
			return null;
		}
		SplicedPage page = new SplicedPage(capture.getContentAsByteArray(),
				this.placeholder.getBytes(StandardCharsets.US_ASCII));
		capture.resetBuffer();
		return new KeptPages.Kept(page, version, digest(page), capture.getContentType(),
				response.getHeader("Content-Language"));
	}

	/**
	 * @return how many times a page was rendered to be kept, since the start
	 */
	long renders() {
		return this.kept.renders();
	}

	private static String digest(SplicedPage page) {
		return Hashes.sha256(12, page.fixedParts());
	}

}
