package blog.comment;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.post.PostPages;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Writing and deleting comments. A comment stored answers 303 to its place on the page
 * (Post/Redirect/Get); anything else shows the page again with what the reader typed.
 */
@Controller
class CommentController {

	private final PostCatalog catalog;

	private final PostPages pages;

	private final CommentService comments;

	private final Reports reports;

	CommentController(PostCatalog catalog, PostPages pages, CommentService comments, Reports reports) {
		this.catalog = catalog;
		this.pages = pages;
		this.comments = comments;
		this.reports = reports;
	}

	@PostMapping(path = "/{year:\\d{4}}/{month:\\d{2}}/{slug}.html/comments",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processCommentForm(@PathVariable int year, @PathVariable int month, @PathVariable String slug,
			@Valid @ModelAttribute("form") CommentForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Post post = this.catalog.find(year, month, slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CommentService.Outcome outcome = this.comments.add(post, form, result, request.getRemoteAddr());
		if (outcome instanceof CommentService.Outcome.Posted posted) {
			String query = "posted=" + posted.id() + "&key=" + posted.deleteKey();
			if (posted.held()) {
				return seeOther(at(post, 1, query, "comments"));
			}
			return seeOther(at(post, this.comments.pageOf(post, posted.id()), query, "comment-" + posted.id()));
		}
		if (outcome instanceof CommentService.Outcome.Duplicate duplicate) {
			return seeOther(at(post, this.comments.pageOf(post, duplicate.id()), null, "comment-" + duplicate.id()));
		}
		if (outcome instanceof CommentService.Outcome.Closed) {
			model.addAttribute("post", post);
			return new ModelAndView("comments-closed", model.asMap(), HttpStatus.FORBIDDEN);
		}
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		if (outcome instanceof CommentService.Outcome.Refused refused) {
			status = HttpStatus.FORBIDDEN;
			model.addAttribute("formMessage", refused.message());
		}
		else if (outcome instanceof CommentService.Outcome.Limited limited) {
			status = HttpStatus.TOO_MANY_REQUESTS;
			response.setHeader("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
			model.addAttribute("formMessage", "comment.limited");
			model.addAttribute("retryAfter", limited.retryAfter().toSeconds());
		}
		else if (outcome instanceof CommentService.Outcome.Unsaved) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			model.addAttribute("formMessage", "comment.unsaved");
		}
		else if (outcome instanceof CommentService.Outcome.Invalid invalid && invalid.message() != null) {
			model.addAttribute("formMessage", invalid.message());
		}
		this.pages.fill(model, post, replyPage(post, form));
		return new ModelAndView("post", model.asMap(), status);
	}

	@GetMapping("/comments/{id}/delete")
	ModelAndView showDeleteForm(@PathVariable long id, @RequestParam(required = false) @Nullable String key,
			Model model, HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		Comment comment = this.comments.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!this.comments.deleteKeyMatches(id, key)) {
			return new ModelAndView("comment-delete-refused", model.asMap(), HttpStatus.FORBIDDEN);
		}
		model.addAttribute("comment", comment);
		model.addAttribute("key", key);
		model.addAttribute("post", this.catalog.find(comment.postSlug()).orElse(null));
		return new ModelAndView("comment-delete", model.asMap(), HttpStatus.OK);
	}

	@PostMapping(path = "/comments/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processDeleteForm(@PathVariable long id, @RequestParam(required = false) @Nullable String key,
			Model model) {
		if (!this.comments.deleteKeyMatches(id, key)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Post post = this.comments.find(id).flatMap((comment) -> this.catalog.find(comment.postSlug())).orElse(null);
		int page = (post != null) ? this.comments.pageOf(post, id) : 1;
		this.comments.delete(id, key).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		if (post == null) {
			return seeOther("/");
		}
		// a comment without replies leaves its page, which may then be gone
		return seeOther(at(post, Math.min(page, this.comments.thread(post, 1).pages()), "deleted=" + id, "comments"));
	}

	/**
	 * A comment's permanent address (the feeds link to it): a redirect to its place on
	 * its post's pages, which move as comments come.
	 */
	@GetMapping("/comments/{id}")
	ModelAndView showComment(@PathVariable String id) {
		Comment comment = (id.matches("\\d{1,18}") ? this.comments.find(Long.parseLong(id)) : Optional.<Comment>empty())
			.filter((found) -> found.status() == Comment.Status.PUBLISHED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Post post = this.catalog.find(comment.postSlug())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		RedirectView place = new RedirectView(this.comments.placeOf(post, comment.id()));
		place.setStatusCode(HttpStatus.FOUND);
		place.setExposeModelAttributes(false);
		return new ModelAndView(place);
	}

	@GetMapping("/comments/{id}/report")
	ModelAndView showReportForm(@PathVariable String id, Model model) {
		Comment comment = reportable(id);
		if (comment.status() != Comment.Status.PUBLISHED) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND); // held: shown to
																		// nobody
		}
		return reportPage(comment, "", null, model, HttpStatus.OK);
	}

	/**
	 * A reader's report. The form is on every cached page, so it carries no token: a
	 * report sent from another site is refused by the browser's own word for where it
	 * came from (Fetch Metadata, else Origin).
	 */
	@PostMapping(path = "/comments/{id}/report", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processReportForm(@PathVariable String id, @RequestParam(defaultValue = "") String reason,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		Comment comment = reportable(id);
		if (fromAnotherSite(request)) {
			return reportPage(comment, reason, "report.cross-site", model, HttpStatus.FORBIDDEN);
		}
		Reports.Outcome outcome = this.reports.report(comment.id(), reason, request.getRemoteAddr());
		if (outcome instanceof Reports.Outcome.Recorded recorded) {
			Post post = this.catalog.find(comment.postSlug()).orElse(null);
			if (post == null) {
				return reportPage(comment, "", "report.thanks", model, HttpStatus.OK);
			}
			boolean shown = comment.status() == Comment.Status.PUBLISHED && !recorded.hidden();
			return seeOther(at(post, shown ? this.comments.pageOf(post, comment.id()) : 1, "reported=" + comment.id(),
					shown ? "comment-" + comment.id() : "comments"));
		}
		if (outcome instanceof Reports.Outcome.Limited limited) {
			response.setHeader("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
			model.addAttribute("reportArg", limited.retryAfter().toSeconds());
			return reportPage(comment, reason, "report.limited", model, HttpStatus.TOO_MANY_REQUESTS);
		}
		if (outcome instanceof Reports.Outcome.TooLong tooLong) {
			model.addAttribute("reportArg", tooLong.length());
			return reportPage(comment, reason, "report.long", model, HttpStatus.UNPROCESSABLE_CONTENT);
		}
		throw new ResponseStatusException(HttpStatus.NOT_FOUND);
	}

	private Comment reportable(String id) {
		return (id.matches("\\d{1,18}") ? this.comments.find(Long.parseLong(id)) : Optional.<Comment>empty()).filter(
				(comment) -> comment.status() == Comment.Status.PUBLISHED || comment.status() == Comment.Status.PENDING)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private ModelAndView reportPage(Comment comment, String reason, @Nullable String message, Model model,
			HttpStatus status) {
		model.addAttribute("comment", comment);
		model.addAttribute("reason", reason);
		model.addAttribute("reasonMax", Reports.REASON_MAX);
		model.addAttribute("reportMessage", message);
		model.addAttribute("post", this.catalog.find(comment.postSlug()).orElse(null));
		return new ModelAndView("comment-report", model.asMap(), status);
	}

	/**
	 * @return whether the browser says the request came from a page of another site
	 */
	static boolean fromAnotherSite(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		if (site != null) {
			return !"same-origin".equals(site) && !"none".equals(site);
		}
		String origin = request.getHeader("Origin");
		if (origin == null) {
			return false; // not a browser that says: nothing to check
		}
		String host = request.getHeader("Host");
		try {
			URI uri = new URI(origin);
			return host == null || uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(host);
		}
		catch (URISyntaxException ex) {
			return true;
		}
	}

	/**
	 * @return the page of comments a reply form belongs on: its parent's
	 */
	private int replyPage(Post post, CommentForm form) {
		String parent = (form.parent() != null) ? form.parent().strip() : "";
		return parent.matches("\\d{1,18}") ? this.comments.pageOf(post, Long.parseLong(parent)) : 1;
	}

	/**
	 * @return the address of a page of the post's comments
	 */
	private static String at(Post post, int page, @Nullable String query, String anchor) {
		StringBuilder url = new StringBuilder(post.permalink());
		if (page > 1) {
			url.append("?page=").append(page);
		}
		if (query != null) {
			url.append((page > 1) ? '&' : '?').append(query);
		}
		return url.append('#').append(anchor).toString();
	}

	private static ModelAndView seeOther(String url) {
		RedirectView view = new RedirectView(url);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return new ModelAndView(view);
	}

}
