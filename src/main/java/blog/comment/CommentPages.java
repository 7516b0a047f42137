package blog.comment;

import java.time.Instant;
import java.util.Optional;

import blog.post.Discussion;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.OutgoingMail;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * The comments under a post, as its page shows them: a page of the thread, the form with
 * its token, and what one reader is told about their own comment.
 */
@Component
class CommentPages implements Discussion {

	private final Threads threads;

	private final FormTokens tokens;

	private final OwnComments own;

	private final CommentRepository repository;

	private final PostCatalog catalog;

	private final CommentProperties settings;

	private final OutgoingMail mail;

	CommentPages(Threads threads, FormTokens tokens, OwnComments own, CommentRepository repository, PostCatalog catalog,
			CommentProperties settings, OutgoingMail mail) {
		this.threads = threads;
		this.tokens = tokens;
		this.own = own;
		this.repository = repository;
		this.catalog = catalog;
		this.settings = settings;
		this.mail = mail;
	}

	@Override
	public long version(String slug) {
		return this.threads.version(slug);
	}

	@Override
	public String formToken(String slug) {
		return this.tokens.issue(slug);
	}

	@Override
	public Optional<Shown> show(Post post, int page, Model model) {
		CommentThread thread = this.threads.page(post, page);
		if (page > thread.pages()) {
			return Optional.empty();
		}
		model.addAttribute("thread", thread);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", CommentForm.empty());
		}
		model.addAttribute("formToken", this.tokens.issue(post.slug()));
		model.addAttribute("maxLength", this.settings.maxLength());
		return Optional.of(new Shown(thread.count(), thread.all()
			.stream()
			.filter(CommentThread.Entry::published)
			.map((entry) -> new ShownComment(entry.id(), entry.author(), entry.iso(), entry.comment().bodyMarkdown()))
			.toList()));
	}

	@Override
	public void personalize(Post post, HttpServletRequest request, HttpServletResponse response, Model model) {
		Long reply = number(request, "reply");
		if (reply != null) {
			this.repository.find(reply)
				.filter((comment) -> comment.postSlug().equals(post.slug()))
				.filter((comment) -> comment.status() == Comment.Status.PUBLISHED)
				.ifPresent((comment) -> {
					model.addAttribute("form", CommentForm.replyingTo(reply));
					model.addAttribute("replyTo", comment);
				});
		}
		Long posted = number(request, "posted");
		if (posted != null) {
			showPostedNotice(posted, request.getParameter("key"), "1".equals(request.getParameter("mail")), model,
					response);
		}
		Long edited = number(request, "edited");
		if (edited != null) {
			model.addAttribute("editedNotice",
					this.repository.find(edited).map((c) -> c.status() == Comment.Status.PENDING).orElse(false) ? "held"
							: "shown");
		}
		if (number(request, "deleted") != null) {
			model.addAttribute("deletedNotice", true);
		}
		if (number(request, "reported") != null) {
			model.addAttribute("reportedNotice", true);
		}
	}

	@Override
	public Optional<String> placeOfCommentWrittenAt(Post post, long epochMilli) {
		Instant at = Instant.ofEpochMilli(epochMilli);
		return this.repository.writtenAt(post.slug(), at, at.plusMillis(1))
			.map((comment) -> this.threads.placeOf(post, comment.id()));
	}

	private void showPostedNotice(long id, @Nullable String key, boolean following, Model model,
			HttpServletResponse response) {
		if (!this.own.deleteKeyMatches(id, key)) {
			return;
		}
		// the address holds the private key: keep it out of other sites' logs and out of
		// caches
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Cache-Control", "no-store");
		boolean held = this.repository.find(id).map((c) -> c.status() == Comment.Status.PENDING).orElse(false);
		String deletePath = this.own.claimDeleteLink(id, key) ? "/comments/" + id + "/delete?key=" + key : null;
		model.addAttribute("posted", new PostedNotice(id, held, deletePath,
				(deletePath != null) ? this.catalog.site().absolute(deletePath) : null, following && this.mail.on()));
	}

	/**
	 * @return the number a query parameter holds, {@code null} when it is absent or empty
	 * @throws ResponseStatusException 400 when it is not a number
	 */
	private static @Nullable Long number(HttpServletRequest request, String name) {
		String value = request.getParameter(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.valueOf(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + " must be a number");
		}
	}

	/**
	 * What the writer of a new comment is told on the page.
	 *
	 * @param id the comment
	 * @param held whether it waits for review
	 * @param deletePath the private link that deletes it, shown once
	 * @param deleteUrl the same link as the blog's public address, to keep
	 * @param following whether its writer asked to be mailed replies (a confirmation may
	 * be on its way)
	 */
	record PostedNotice(long id, boolean held, @Nullable String deletePath, @Nullable String deleteUrl,
			boolean following) {
	}

}
