package blog.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import blog.system.Hashes;
import blog.system.MailAddresses;
import blog.system.Text;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a comment's writer may do with it afterwards, through the private key they got
 * when they posted it: edit it within {@link #EDIT_WINDOW}, start or stop the mail of its
 * replies, delete it.
 */
@Service
public class OwnComments {

	/** the comments' history, in the one logger that holds it (CommentService's) */
	private static final Logger history = LoggerFactory.getLogger(CommentService.class);

	/** how long after writing it a comment's writer may edit it */
	public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

	private final CommentRepository repository;

	private final CommentRenderer renderer;

	private final CommentService rules;

	private final CommentProperties settings;

	private final ReplyMail replies;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate transactions;

	private final Clock clock;

	OwnComments(CommentRepository repository, CommentRenderer renderer, CommentService rules,
			CommentProperties settings, ReplyMail replies, ApplicationEventPublisher events,
			TransactionTemplate transactions, Clock clock) {
		this.repository = repository;
		this.renderer = renderer;
		this.rules = rules;
		this.settings = settings;
		this.replies = replies;
		this.events = events;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * What became of a writer's edit.
	 *
	 * @param fault why it was not made (a message's code), or null when it was
	 * @param held whether the comment now waits for the editor
	 */
	public record Edit(@Nullable String fault, boolean held) {

		public boolean done() {
			return this.fault == null;
		}

	}

	/**
	 * @return whether the comment's writer may still edit it: shown or held, and written
	 * less than {@link #EDIT_WINDOW} ago
	 */
	public boolean editable(Comment comment) {
		return (comment.status() == Comment.Status.PUBLISHED || comment.status() == Comment.Status.PENDING)
				&& comment.createdAt().isAfter(this.clock.instant().minus(EDIT_WINDOW));
	}

	/**
	 * Puts the writer's new text in place of their comment's, rendered and sanitized
	 * again, within {@link #EDIT_WINDOW} of writing it. A new text that the moderation
	 * mode holds (a link, say) makes a published comment wait for the editor again.
	 * @param id the comment
	 * @param key its private key
	 * @param typed the new text
	 * @return what became of it
	 */
	public Edit edit(long id, @Nullable String key, @Nullable String typed) {
		Optional<Comment> found = deleteKeyMatches(id, key) ? this.repository.find(id) : Optional.empty();
		if (found.isEmpty()) {
			return new Edit("comment.edit.refused", false);
		}
		Comment comment = found.get();
		if (!editable(comment)) {
			return new Edit("comment.edit.late", false);
		}
		String body = Text.clean(typed);
		if (body.isBlank()) {
			return new Edit("comment.body.blank", false);
		}
		if (body.length() > this.settings.maxLength()) {
			return new Edit("comment.edit.long", false);
		}
		String heldReason = this.rules.heldReason(comment.authorName(), body);
		Comment.Status status = (heldReason != null) ? Comment.Status.PENDING : comment.status();
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (!this.repository.edit(
				id, body, this.renderer.render(body), Hashes.sha256(body), status, (status == Comment.Status.PENDING)
						? Objects.requireNonNullElse(heldReason, "held before it was edited") : null,
				now.minus(EDIT_WINDOW), now)) {
			return new Edit("comment.edit.late", false);
		}
		history.atInfo()
			.setMessage(() -> "Comment " + id + " edited by its writer" + ((heldReason != null) ? ", held" : ""))
			.addKeyValue("event", "comment.edited")
			.addKeyValue("comment", id)
			.addKeyValue("status", status.name())
			.log();
		this.events.publishEvent(CommentsChanged.any(comment.postSlug()));
		if (heldReason != null && comment.status() == Comment.Status.PUBLISHED) {
			this.events.publishEvent(new CommentHeld(new Comment(id, comment.postSlug(), comment.parentId(),
					comment.authorName(), body, this.renderer.render(body), status, comment.createdAt()), heldReason));
		}
		return new Edit(null, status == Comment.Status.PENDING);
	}

	/**
	 * Starts or stops mailing a comment's writer the replies to it, from its private
	 * page.
	 * @param id the comment
	 * @param key its private key
	 * @param on whether to mail them
	 * @param email the address to mail, when starting
	 * @param locale the language of the page
	 * @return why it was not done (a message's code), if it was not
	 */
	public Optional<String> changeReplyMail(long id, @Nullable String key, boolean on, @Nullable String email,
			Locale locale) {
		Optional<Comment> found = deleteKeyMatches(id, key) ? this.repository.find(id) : Optional.empty();
		if (found.isEmpty() || !this.replies.on()) {
			return Optional.of("comment.edit.refused");
		}
		if (!on) {
			this.transactions.executeWithoutResult((status) -> this.replies.stop(id));
			return Optional.empty();
		}
		String address = MailAddresses.normalized(email);
		if (address == null) {
			return Optional.of("comment.email.invalid");
		}
		CommentStored.Follow follow = new CommentStored.Follow(address,
				locale.getLanguage().equals("de") ? "de" : "en");
		this.transactions.executeWithoutResult((status) -> this.replies.follow(found.get(), follow));
		return Optional.empty();
	}

	/**
	 * @return whether the comment's writer is mailed its replies, and whether they can be
	 */
	public boolean replyMailOn() {
		return this.replies.on();
	}

	public boolean followingReplies(long id) {
		return this.replies.following(id);
	}

	/**
	 * @return whether the key is the comment's private delete key
	 */
	public boolean deleteKeyMatches(long id, @Nullable String key) {
		return key != null && !key.isBlank() && this.repository.deleteTokenMatches(id, Hashes.sha256(key));
	}

	/**
	 * Shows the private delete link once: the first time the writer's page asks for it.
	 * @return whether the link may be shown now (the update that claims it is atomic on
	 * its own)
	 */
	public boolean claimDeleteLink(long id, @Nullable String key) {
		return deleteKeyMatches(id, key) && this.repository.markDeleteLinkShown(id);
	}

	/**
	 * Deletes a comment by its private key. A deleted comment with replies stays as a
	 * placeholder.
	 * @return the comment, if the key was its own
	 */
	public Optional<Comment> delete(long id, @Nullable String key) {
		if (!deleteKeyMatches(id, key)) {
			return Optional.empty();
		}
		this.repository.markDeleted(id, this.clock.instant());
		history.atInfo()
			.setMessage(() -> "Comment " + id + " deleted by its writer")
			.addKeyValue("event", "comment.deleted")
			.addKeyValue("comment", id)
			.log();
		Optional<Comment> deleted = this.repository.find(id);
		deleted.ifPresent((comment) -> this.events.publishEvent(CommentsChanged.any(comment.postSlug())));
		return deleted;
	}

}
