package blog.post;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import blog.system.Dates;
import blog.system.Text;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

/**
 * The reader's pages, at Blogger's addresses: the newest post at {@code /} (with a list
 * of older ones), each post, the posts of a label, of a month or a year, and search.
 */
@Controller
class PostController {

	/** how many older posts the home page lists below the newest */
	static final int MORE_POSTS = 10;

	/** the longest search, in characters */
	static final int SEARCH_MAX = 200;

	private final PostCatalog catalog;

	private final PostPages pages;

	private final Discussion discussion;

	private final MessageSource messages;

	private final Dates dates;

	PostController(PostCatalog catalog, PostPages pages, Discussion discussion, MessageSource messages, Dates dates) {
		this.catalog = catalog;
		this.pages = pages;
		this.discussion = discussion;
		this.messages = messages;
		this.dates = dates;
	}

	@GetMapping("/")
	String showNewest(PostQuery query, Model model, HttpServletRequest request, HttpServletResponse response) {
		List<Post> posts = this.catalog.posts();
		model.addAttribute("morePosts", posts.subList(1, Math.min(posts.size(), 1 + MORE_POSTS)));
		return showPost(this.catalog.newest(), query, model, request, response);
	}

	@GetMapping("/{year:\\d{4}}/{month:\\d{2}}/{slug}.html")
	String showPost(@PathVariable int year, @PathVariable int month, @PathVariable String slug, PostQuery query,
			Model model, HttpServletRequest request, HttpServletResponse response) {
		Post post = this.catalog.find(year, month, slug)
			.orElseThrow(() -> new PostNotFoundException(year + "/" + month + "/" + slug));
		return showPost(post, query, model, request, response);
	}

	@GetMapping("/search/label/{label}")
	String showLabel(@PathVariable String label, Model model, Locale locale) {
		List<Post> posts = this.catalog.withLabel(label);
		if (posts.isEmpty()) {
			throw new PostNotFoundException("label " + label);
		}
		model.addAttribute("heading", message("listing.label.heading", locale, label));
		model.addAttribute("posts", posts);
		model.addAttribute("meta", this.pages.label(label, locale));
		return "listing";
	}

	/**
	 * Blogger's archive of a year, {@code /2024/}, or of a month, {@code /2024/10/}.
	 */
	@GetMapping({ "/{year:\\d{4}}/", "/{year:\\d{4}}/{month:\\d{2}}/" })
	String showArchive(@PathVariable int year, @PathVariable(required = false) @Nullable Integer month, Model model,
			Locale locale) {
		List<Post> posts = (month == null || (month >= 1 && month <= 12)) ? this.catalog.publishedIn(year, month)
				: List.of();
		if (posts.isEmpty()) {
			throw new PostNotFoundException("archive " + year + "/" + month);
		}
		String when = (month != null) ? this.dates.month(posts.get(0).published().month()) : Integer.toString(year);
		String heading = message("listing.archive.heading", locale, when);
		model.addAttribute("heading", heading);
		model.addAttribute("posts", posts);
		model.addAttribute("meta", this.pages.listing(heading,
				(month != null) ? String.format("/%04d/%02d/", year, month) : String.format("/%04d/", year), locale));
		return "listing";
	}

	/**
	 * Search over the posts' titles and text, at Blogger's address: {@code /search?q=}.
	 */
	@GetMapping("/search")
	ModelAndView showSearch(@RequestParam(name = "q", required = false) @Nullable String query, Model model,
			Locale locale) {
		// what HTML cannot hold (control characters) is dropped; line breaks become
		// spaces
		String q = Text.clean(query).replaceAll("\\s+", " ").strip();
		model.addAttribute("searching", true);
		model.addAttribute("q", q);
		String search = message("search.heading", locale);
		model.addAttribute("meta", this.pages.listing(q.isEmpty() ? search : message("search.heading.query", locale, q),
				"/search", locale));
		if (q.length() > SEARCH_MAX) {
			model.addAttribute("heading", search);
			model.addAttribute("posts", List.of());
			model.addAttribute("message", message("search.too-long", locale, SEARCH_MAX));
			return new ModelAndView("listing", model.asMap(), HttpStatus.BAD_REQUEST);
		}
		List<Post> posts = this.catalog.search(q);
		model.addAttribute("heading", q.isEmpty() ? search : message("search.matching", locale, q));
		model.addAttribute("posts", posts);
		if (!q.isEmpty() && posts.isEmpty()) {
			model.addAttribute("message", message("search.nothing", locale));
		}
		return new ModelAndView("listing", model.asMap(), HttpStatus.OK);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

	private String showPost(Post post, PostQuery query, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		if (query.showComment() != null && query.showComment().matches("\\d{1,15}")) {
			// an old Blogger link to a comment: its time, in milliseconds
			Optional<String> place = this.discussion.placeOfCommentWrittenAt(post, Long.parseLong(query.showComment()));
			if (place.isPresent()) {
				request.setAttribute(View.RESPONSE_STATUS_ATTRIBUTE, HttpStatus.MOVED_PERMANENTLY);
				return "redirect:" + place.get();
			}
		}
		int page = (query.page() != null) ? query.page() : 1;
		if (page < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "page numbers start at 1");
		}
		this.discussion.personalize(post, request, response, model);
		if (!this.pages.fill(model, post, page)) {
			throw new PostNotFoundException(post.slug() + " comment page " + page);
		}
		model.addAttribute("newer", this.catalog.newer(post).orElse(null));
		model.addAttribute("older", this.catalog.older(post).orElse(null));
		if (request.getAttribute(PageCacheFilter.TOKEN_PLACEHOLDER) instanceof String placeholder) {
			// rendered to be kept: each reader's token is spliced in when the page is
			// sent
			model.addAttribute("formToken", placeholder);
		}
		return "post";
	}

	/**
	 * The part of a post page's query that the page itself reads; the discussion reads
	 * its own (a reply, a comment just posted). Anything else is ignored.
	 *
	 * @param page the page of comments, from 1
	 * @param showComment Blogger's link to a comment: the time it was written, in
	 * milliseconds
	 */
	record PostQuery(@Nullable Integer page, @Nullable String showComment) {
	}

}
