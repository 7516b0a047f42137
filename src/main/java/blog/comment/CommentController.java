package blog.comment;

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

	CommentController(PostCatalog catalog, PostPages pages, CommentService comments) {
		this.catalog = catalog;
		this.pages = pages;
		this.comments = comments;
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
