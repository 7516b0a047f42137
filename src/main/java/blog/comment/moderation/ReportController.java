package blog.comment.moderation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentRepository;
import blog.comment.Threads;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A reader's report of a comment: the small form under each comment posts here, and the
 * same form has a page of its own.
 */
@Controller
class ReportController {

	private final Reports reports;

	private final CommentRepository comments;

	private final Threads threads;

	private final PostCatalog catalog;

	ReportController(Reports reports, CommentRepository comments, Threads threads, PostCatalog catalog) {
		this.reports = reports;
		this.comments = comments;
		this.threads = threads;
		this.catalog = catalog;
	}

	@GetMapping("/comments/{id}/report")
	ModelAndView showReportForm(@PathVariable String id, Model model) {
		Comment comment = reportable(id);
		if (comment.status() != Comment.Status.PUBLISHED) {
			// held: shown to nobody
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
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
			return new ModelAndView(
					SeeOther.to(Threads.address(post, shown ? this.threads.pageOf(post, comment.id()) : 1,
							"reported=" + comment.id(), shown ? "comment-" + comment.id() : "comments")));
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
			// not a browser that says: nothing to check
			return false;
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

}
