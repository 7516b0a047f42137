package blog.comment;

import java.util.Optional;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.post.PostPages;
import blog.system.SeeOther;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
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
 * (Post/Redirect/Get); anything else shows the post's page again with what the reader
 * typed.
 */
@Controller
class CommentController {

	private final PostCatalog catalog;

	private final PostPages pages;

	private final CommentService comments;

	private final OwnComments own;

	private final CommentRepository repository;

	private final Threads threads;

	CommentController(PostCatalog catalog, PostPages pages, CommentService comments, OwnComments own,
			CommentRepository repository, Threads threads) {
		this.catalog = catalog;
		this.pages = pages;
		this.comments = comments;
		this.own = own;
		this.repository = repository;
		this.threads = threads;
	}

	@PostMapping(path = "/{year:\\d{4}}/{month:\\d{2}}/{slug}.html/comments",
			consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processCommentForm(@PathVariable int year, @PathVariable int month, @PathVariable String slug,
			@Valid @ModelAttribute("form") CommentForm form, BindingResult result, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		Post post = this.catalog.find(year, month, slug)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		CommentOutcome outcome = this.comments.add(post, form, result, request.getRemoteAddr(),
				LocaleContextHolder.getLocale());
		if (outcome instanceof CommentOutcome.Posted posted) {
			String query = "posted=" + posted.id() + "&key=" + posted.deleteKey()
					+ (posted.following() ? "&mail=1" : "");
			if (posted.held()) {
				return seeOther(Threads.address(post, 1, query, "comments"));
			}
			return seeOther(
					Threads.address(post, this.threads.pageOf(post, posted.id()), query, "comment-" + posted.id()));
		}
		if (outcome instanceof CommentOutcome.Duplicate duplicate) {
			return seeOther(Threads.address(post, this.threads.pageOf(post, duplicate.id()), null,
					"comment-" + duplicate.id()));
		}
		if (outcome instanceof CommentOutcome.Closed) {
			model.addAttribute("post", post);
			return new ModelAndView("comments-closed", model.asMap(), HttpStatus.FORBIDDEN);
		}
		HttpStatus status = HttpStatus.UNPROCESSABLE_CONTENT;
		if (outcome instanceof CommentOutcome.Refused refused) {
			status = HttpStatus.FORBIDDEN;
			model.addAttribute("formMessage", refused.message());
		}
		else if (outcome instanceof CommentOutcome.Limited limited) {
			status = HttpStatus.TOO_MANY_REQUESTS;
			response.setHeader("Retry-After", Long.toString(limited.retryAfter().toSeconds()));
			model.addAttribute("formMessage", "comment.limited");
			model.addAttribute("retryAfter", limited.retryAfter().toSeconds());
		}
		else if (outcome instanceof CommentOutcome.Unsaved) {
			status = HttpStatus.SERVICE_UNAVAILABLE;
			model.addAttribute("formMessage", "comment.unsaved");
		}
		else if (outcome instanceof CommentOutcome.Invalid invalid && invalid.message() != null) {
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
		Comment comment = this.repository.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!this.own.deleteKeyMatches(id, key)) {
			return new ModelAndView("comment-delete-refused", model.asMap(), HttpStatus.FORBIDDEN);
		}
		model.addAttribute("comment", comment);
		model.addAttribute("key", key);
		model.addAttribute("post", this.catalog.find(comment.postSlug()).orElse(null));
		model.addAttribute("editable", this.own.editable(comment));
		model.addAttribute("editUntil", comment.createdAt().plus(OwnComments.EDIT_WINDOW));
		if (!model.containsAttribute("text")) {
			model.addAttribute("text", comment.bodyMarkdown());
		}
		model.addAttribute("replyMailOn", this.own.replyMailOn());
		model.addAttribute("following", this.own.replyMailOn() && this.own.followingReplies(id));
		return new ModelAndView("comment-delete", model.asMap(), HttpStatus.OK);
	}

	/**
	 * The writer's edit, from their private page: the comment's place on success (its
	 * page renders it anew), else the private page again with the text kept and why.
	 */
	@PostMapping(path = "/comments/{id}/edit", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processEditForm(@PathVariable long id, @RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable String body, Model model, HttpServletResponse response) {
		OwnComments.Edit edit = this.own.edit(id, key, body);
		if (edit.done()) {
			Post post = this.repository.find(id)
				.flatMap((comment) -> this.catalog.find(comment.postSlug()))
				.orElse(null);
			if (post == null) {
				return seeOther("/");
			}
			return edit.held() ? seeOther(Threads.address(post, 1, "edited=" + id, "comments"))
					: seeOther(Threads.address(post, this.threads.pageOf(post, id), "edited=" + id, "comment-" + id));
		}
		if ("comment.edit.refused".equals(edit.fault())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute("editFault", edit.fault());
		model.addAttribute("text", (body != null) ? body : "");
		ModelAndView page = showDeleteForm(id, key, model, response);
		page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		return page;
	}

	/** the writer starts or stops getting the replies to their comment by mail */
	@PostMapping(path = "/comments/{id}/replies", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processRepliesForm(@PathVariable long id, @RequestParam(required = false) @Nullable String key,
			@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String notify, Model model, HttpServletResponse response) {
		boolean on = notify != null && !notify.isBlank();
		Optional<String> fault = this.own.changeReplyMail(id, key, on, email, LocaleContextHolder.getLocale());
		if (fault.isPresent() && "comment.edit.refused".equals(fault.get())) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		model.addAttribute(fault.isPresent() ? "repliesFault" : "repliesDone",
				fault.orElse(on ? "started" : "stopped"));
		if (fault.isPresent()) {
			model.addAttribute("typedEmail", (email != null && email.length() <= 300) ? email : "");
		}
		ModelAndView page = showDeleteForm(id, key, model, response);
		if (fault.isPresent()) {
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
		}
		return page;
	}

	@PostMapping(path = "/comments/{id}/delete", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
	ModelAndView processDeleteForm(@PathVariable long id, @RequestParam(required = false) @Nullable String key) {
		if (!this.own.deleteKeyMatches(id, key)) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		Post post = this.repository.find(id).flatMap((comment) -> this.catalog.find(comment.postSlug())).orElse(null);
		int page = (post != null) ? this.threads.pageOf(post, id) : 1;
		this.own.delete(id, key).orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
		if (post == null) {
			return seeOther("/");
		}
		// a comment without replies leaves its page, which may then be gone
		return seeOther(
				Threads.address(post, Math.min(page, this.threads.page(post, 1).pages()), "deleted=" + id, "comments"));
	}

	/**
	 * A comment's permanent address (the feeds link to it): a redirect to its place on
	 * its post's pages, which move as comments come.
	 */
	@GetMapping("/comments/{id}")
	ModelAndView showComment(@PathVariable String id,
			@RequestParam(name = "utm_source", required = false) @Nullable String source) {
		Comment comment = (id.matches("\\d{1,18}") ? this.repository.find(Long.parseLong(id))
				: Optional.<Comment>empty())
			.filter((found) -> found.status() == Comment.Status.PUBLISHED)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Post post = this.catalog.find(comment.postSlug())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String address = this.threads.placeOf(post, comment.id());
		if (source != null && source.matches("[a-z0-9._-]{1,40}")) {
			// the feed's or mail's campaign goes on to the page, where it is counted
			int anchor = address.indexOf('#');
			String path = (anchor >= 0) ? address.substring(0, anchor) : address;
			address = path + (path.contains("?") ? "&" : "?") + "utm_source=" + source
					+ ((anchor >= 0) ? address.substring(anchor) : "");
		}
		RedirectView place = new RedirectView(address, true);
		place.setStatusCode(HttpStatus.FOUND);
		place.setExposeModelAttributes(false);
		return new ModelAndView(place);
	}

	/**
	 * @return the page of comments a reply form belongs on: its parent's
	 */
	private int replyPage(Post post, CommentForm form) {
		String parent = (form.parent() != null) ? form.parent().strip() : "";
		return parent.matches("\\d{1,18}") ? this.threads.pageOf(post, Long.parseLong(parent)) : 1;
	}

	private static ModelAndView seeOther(String url) {
		return new ModelAndView(SeeOther.to(url));
	}

}
