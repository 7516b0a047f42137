package blog.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.OutgoingMail;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * What the editor's desk shows of mail: who follows what (counts, never an address), and
 * the outbox (each mail's kind, what it is about, its status, attempts and the mail
 * server's last answer, with addresses taken out), with a resend for mails that failed or
 * whose sending is unsure.
 */
@Component
public class MailDesk {

	private final Subscriptions subscriptions;

	private final Outbox outbox;

	private final OutboxReport report;

	private final PostCatalog catalog;

	private final OutgoingMail mail;

	private final Postman postman;

	private final Clock clock;

	MailDesk(Subscriptions subscriptions, Outbox outbox, OutboxReport report, PostCatalog catalog, OutgoingMail mail,
			Postman postman, Clock clock) {
		this.subscriptions = subscriptions;
		this.outbox = outbox;
		this.report = report;
		this.catalog = catalog;
		this.mail = mail;
		this.postman = postman;
		this.clock = clock;
	}

	/**
	 * How many addresses follow one thing.
	 *
	 * @param target {@code blog}, {@code post:<slug>} (all of a post's comments) or
	 * {@code thread:<slug>} (replies to their own comments on that post)
	 * @param confirmed addresses confirmed, which get mail
	 * @param unconfirmed addresses not confirmed yet (deleted 48 hours after their
	 * confirmation mail)
	 */
	public record Followers(String target, long confirmed, long unconfirmed) {

		/**
		 * @return the post's slug, or null for the blog
		 */
		public @Nullable String slug() {
			int colon = this.target.indexOf(':');
			return (colon < 0) ? null : this.target.substring(colon + 1);
		}

		/**
		 * @return whether these follow replies to their own comments
		 */
		public boolean threads() {
			return this.target.startsWith("thread:");
		}

	}

	/**
	 * One mail of the outbox, as the desk shows it.
	 *
	 * @param id its number
	 * @param kind {@code CONFIRM}, {@code COMMENT} or {@code POST}
	 * @param about the comment's number or the post's slug (for CONFIRM, the address's
	 * number)
	 * @param status where it stands: {@code QUEUED}, {@code SENDING}, {@code SENT},
	 * {@code FAILED}, {@code UNSURE} or {@code CANCELLED}
	 * @param attempts how often it was tried
	 * @param createdAt when it was queued
	 * @param sentAt when it went, or null
	 * @param nextAttemptAt when it is tried next, while queued
	 * @param lastError the mail server's last answer, its addresses taken out
	 */
	public record Sending(long id, String kind, String about, String status, int attempts, Instant createdAt,
			@Nullable Instant sentAt, Instant nextAttemptAt, @Nullable String lastError) {

		/**
		 * @return whether the editor may send it again
		 */
		public boolean resendable() {
			return this.status.equals("FAILED") || this.status.equals("UNSURE");
		}

	}

	/**
	 * @return whether mail is on (a mail server is set)
	 */
	public boolean on() {
		return this.mail.on();
	}

	public List<Followers> followers() {
		return this.subscriptions.followers();
	}

	/**
	 * @param status only mails of this status ({@code QUEUED}, {@code SENT}, …), or all
	 * @return the latest 200, newest first
	 */
	public List<Sending> outbox(@Nullable String status) {
		Outbox.Status only = null;
		if (status != null && !status.isBlank()) {
			try {
				only = Outbox.Status.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				only = null;
			}
		}
		return this.report.latest(only, 200);
	}

	/**
	 * @return how many mails the outbox holds in each status, by its name
	 */
	public Map<String, Long> counts() {
		Map<String, Long> counts = new java.util.LinkedHashMap<>();
		this.report.counts().forEach((status, count) -> counts.put(status.name(), count));
		return counts;
	}

	/**
	 * @return a post's title, or its slug when it is gone
	 */
	public String title(@Nullable String slug) {
		if (slug == null) {
			return this.catalog.site().title();
		}
		return this.catalog.find(slug).map(Post::title).orElse(slug);
	}

	/**
	 * Queues a failed or unsure mail again.
	 * @return whether it was one of those
	 */
	public boolean resend(long id) {
		boolean queued = this.outbox.resend(id, this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (queued) {
			this.postman.wake();
		}
		return queued;
	}

}
