package blog.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import blog.comment.Comment;
import blog.comment.CommentPublished;
import blog.comment.CommentRepository;
import blog.comment.CommentStored;
import blog.system.OutgoingMail;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What readers follow, and the mails that what happens causes. Each runs in the
 * transaction of what caused it (a comment stored, the editor's decision, a reader's
 * request), so a mail is queued exactly when its cause is committed; the outbox's sender
 * is woken once it is.
 */
@Component
class Follows {

	/** at most one confirmation mail per address in this time */
	static final Duration ONE_CONFIRMATION_PER = Duration.ofDays(1);

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	private final MailLinks links;

	private final OutgoingMail mail;

	private final CommentRepository comments;

	private final Postman postman;

	private final Clock clock;

	Follows(Subscribers subscribers, Subscriptions subscriptions, Outbox outbox, MailLinks links, OutgoingMail mail,
			CommentRepository comments, Postman postman, Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.links = links;
		this.mail = mail;
		this.comments = comments;
		this.postman = postman;
		this.clock = clock;
	}

	/**
	 * Follows something with an address, in the caller's transaction; an address not
	 * confirmed yet gets its confirmation mail (one a day at most), and nothing else
	 * until it is confirmed.
	 * @param email the address (checked)
	 * @param language the language of its mails
	 * @param target what it follows
	 * @param origin for a thread, the comment whose writer asked
	 * @return the address's row
	 */
	Subscribers.Subscriber follow(String email, String language, String target, @Nullable Long origin) {
		Instant now = now();
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(email, language, now);
		this.subscriptions.follow(subscriber.id(), target, origin, now);
		if (!subscriber.confirmed()) {
			MailLinks.Confirmation confirmation = this.links.confirmation(subscriber.id(), now);
			if (this.subscribers.claimConfirmation(subscriber.id(), confirmation.hash(), now, ONE_CONFIRMATION_PER)) {
				this.outbox.queueConfirmation(subscriber.id(), confirmation.token(), now);
				wakeAfterCommit();
			}
		}
		return subscriber;
	}

	@EventListener
	void commentStored(CommentStored stored) {
		if (!this.mail.on()) {
			return;
		}
		if (stored.follow() != null) {
			Subscribers.Subscriber writer = follow(stored.follow().email(), stored.follow().language(),
					thread(stored.threadId()), stored.id());
			this.subscribers.writtenBy(stored.id(), writer.id());
		}
		if (stored.published()) {
			queueComment(stored.id(), stored.threadId(), stored.postSlug());
		}
	}

	@EventListener
	void commentPublished(CommentPublished published) {
		if (!this.mail.on()) {
			return;
		}
		this.comments.find(published.id())
			.filter((comment) -> comment.status() == Comment.Status.PUBLISHED)
			.ifPresent((comment) -> queueComment(comment.id(),
					(comment.parentId() != null) ? comment.parentId() : comment.id(), comment.postSlug()));
	}

	private void queueComment(long id, long threadId, String postSlug) {
		if (this.outbox.queueComment(id, threadId, postSlug, now()) > 0) {
			wakeAfterCommit();
		}
	}

	static String thread(long threadId) {
		return "thread:" + threadId;
	}

	static String post(String slug) {
		return "post:" + slug;
	}

	static final String BLOG = "blog";

	private void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					Follows.this.postman.wake();
				}
			});
		}
		else {
			this.postman.wake();
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

}
