package blog.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
			queueBeforeCommit(new Published(stored.id(), stored.threadId(), stored.postSlug()));
		}
	}

	@EventListener
	void commentPublished(CommentPublished published) {
		if (!this.mail.on()) {
			return;
		}
		this.comments.find(published.id())
			.filter((comment) -> comment.status() == Comment.Status.PUBLISHED)
			.ifPresent((comment) -> {
				if (queue(List.of(new Published(comment.id(),
						(comment.parentId() != null) ? comment.parentId() : comment.id(), comment.postSlug()))) > 0) {
					wakeAfterCommit();
				}
			});
	}

	/** a comment readers now see, whose followers are to be mailed */
	private record Published(long id, long threadId, String postSlug) {
	}

	/**
	 * Queues the mails about the transaction's published comments just before it commits,
	 * all together: the comment writer stores a group of comments in one transaction, and
	 * one look for followers serves the group (a look per comment, on the writer's one
	 * thread, is in the way of every comment after it).
	 */
	private void queueBeforeCommit(Published comment) {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			if (queue(List.of(comment)) > 0) {
				this.postman.wake();
			}
			return;
		}
		Group group = (Group) TransactionSynchronizationManager.getResource(this);
		if (group == null) {
			group = new Group();
			TransactionSynchronizationManager.bindResource(this, group);
			TransactionSynchronizationManager.registerSynchronization(group);
		}
		group.comments.add(comment);
	}

	/** the published comments of one transaction */
	private final class Group implements TransactionSynchronization {

		final List<Published> comments = new ArrayList<>();

		int queued;

		@Override
		public void beforeCommit(boolean readOnly) {
			this.queued = queue(this.comments);
		}

		@Override
		public void afterCommit() {
			if (this.queued > 0) {
				Follows.this.postman.wake();
			}
		}

		@Override
		public void afterCompletion(int status) {
			TransactionSynchronizationManager.unbindResourceIfPossible(Follows.this);
		}

	}

	/**
	 * @return how many mails the comments queued
	 */
	private int queue(List<Published> comments) {
		Set<String> targets = new LinkedHashSet<>();
		comments.forEach((comment) -> {
			targets.add(thread(comment.threadId()));
			targets.add(post(comment.postSlug()));
		});
		Set<String> followed = this.outbox.followed(targets);
		int queued = 0;
		for (Published comment : comments) {
			if (followed.contains(thread(comment.threadId())) || followed.contains(post(comment.postSlug()))) {
				queued += this.outbox.queueComment(comment.id(), comment.threadId(), comment.postSlug(), now());
			}
		}
		return queued;
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
