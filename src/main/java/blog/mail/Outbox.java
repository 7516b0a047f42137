package blog.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mails to send, each a row written in the transaction that causes it, claimed by one
 * sender at a time. SQL that H2 and PostgreSQL both run.
 */
@Repository
class Outbox {

	private final JdbcClient jdbc;

	Outbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** the outbox's statuses */
	enum Status {

		QUEUED, SENDING, SENT, FAILED, UNSURE, CANCELLED

	}

	/** what a mail is */
	enum Kind {

		CONFIRM, COMMENT, POST

	}

	/**
	 * One mail of the outbox, with what sending it needs.
	 */
	record Mail(long id, Kind kind, String about, @Nullable String linkToken, Status status, int attempts,
			Instant createdAt, @Nullable Instant sentAt, @Nullable String lastError, long subscriberId, String email,
			String language, @Nullable Long subscriptionId, @Nullable String target) {

		@Override
		public String toString() {
			return "Mail[" + this.id + " " + this.kind + " " + this.status + "]";
		}

	}

	/** queues the confirmation mail of an address, with its link */
	void queueConfirmation(long subscriberId, String link, Instant now) {
		this.jdbc
			.sql("""
					insert into mail_outbox (subscriber_id, kind, about, link_token, dedupe, status, next_attempt_at, created_at)
					values (:subscriber, 'CONFIRM', :about, :link, :dedupe, 'QUEUED', :now, :now)""")
			.param("subscriber", subscriberId)
			.param("about", Long.toString(subscriberId))
			.param("link", link)
			.param("dedupe", "confirm:" + subscriberId + ":" + now.toEpochMilli())
			.param("now", Rows.utc(now))
			.update();
	}

	/**
	 * @param targets what may be followed ({@code thread:1}, {@code post:slug})
	 * @return those of them that someone follows: most comments have no follower, and one
	 * look at the index for a group of them spares each its insert's joins
	 */
	Set<String> followed(Collection<String> targets) {
		if (targets.isEmpty()) {
			return Set.of();
		}
		return Set.copyOf(this.jdbc.sql("select distinct target from mail_subscription where target in (:targets)")
			.param("targets", targets)
			.query(String.class)
			.list());
	}

	/**
	 * Queues a mail about a comment readers now see to every confirmed address that
	 * follows its thread or its post, except its writer's: once per address and comment,
	 * however often it is published. A thread counts only while the comment its follower
	 * wrote is published.
	 * @return how many mails
	 */
	int queueComment(long commentId, long threadId, String postSlug, Instant now) {
		String about = Long.toString(commentId);
		return this.jdbc.sql("""
				insert into mail_outbox (subscriber_id, subscription_id, kind, about, dedupe, status, next_attempt_at,
				  created_at)
				select s.subscriber_id, min(s.id), 'COMMENT', :about, 'comment:' || :about || ':' || s.subscriber_id,
				  'QUEUED', :now, :now
				from mail_subscription s
				join mail_subscriber m on m.id = s.subscriber_id
				left join comment origin on origin.id = s.origin_comment_id
				where s.target in (:thread, :post) and m.confirmed_at is not null
				  and (s.origin_comment_id is null or origin.status = 'PUBLISHED')
				  and not exists (select 1 from comment_writer w
				    where w.comment_id = :comment and w.subscriber_id = s.subscriber_id)
				  and not exists (select 1 from mail_outbox o
				    where o.dedupe = 'comment:' || :about || ':' || s.subscriber_id)
				group by s.subscriber_id""")
			.param("about", about)
			.param("now", Rows.utc(now))
			.param("comment", commentId)
			.param("thread", "thread:" + threadId)
			.param("post", "post:" + postSlug)
			.update();
	}

	/**
	 * Queues the mail about a new post to each confirmed address that follows the blog.
	 */
	void queuePost(String slug, Instant now) {
		this.jdbc
			.sql("""
					insert into mail_outbox (subscriber_id, subscription_id, kind, about, dedupe, status, next_attempt_at,
					  created_at)
					select s.subscriber_id, s.id, 'POST', :slug, 'post:' || :slug || ':' || s.subscriber_id, 'QUEUED', :now, :now
					from mail_subscription s join mail_subscriber m on m.id = s.subscriber_id
					where s.target = 'blog' and m.confirmed_at is not null""")
			.param("slug", slug)
			.param("now", Rows.utc(now))
			.update();
	}

	/**
	 * Claims the next mail due, in the caller's transaction: rows another instance has
	 * claimed (locked) are skipped, so each mail has one sender.
	 * @return the mail, now {@code SENDING}
	 */
	Optional<Mail> claimNext(Instant now) {
		Optional<Long> id = this.jdbc.sql("""
				select id from mail_outbox where status = 'QUEUED' and next_attempt_at <= :now
				order by next_attempt_at, id limit 1 for update skip locked""")
			.param("now", Rows.utc(now))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update mail_outbox set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
				where id = :id""").param("now", Rows.utc(now)).param("id", id.get()).update();
		return mail(id.get());
	}

	Optional<Mail> mail(long id) {
		return this.jdbc.sql("""
				select o.*, m.email, m.language, s.target from mail_outbox o
				join mail_subscriber m on m.id = o.subscriber_id
				left join mail_subscription s on s.id = o.subscription_id
				where o.id = :id""").param("id", id).query(Outbox::mail).optional();
	}

	void sent(long id, Instant now) {
		this.jdbc.sql("""
				update mail_outbox set status = 'SENT', sent_at = :now, link_token = null, last_error = null
				where id = :id""").param("now", Rows.utc(now)).param("id", id).update();
	}

	/** puts a mail back in the queue, to be tried again at {@code next} */
	void retry(long id, Instant next, String error) {
		this.jdbc
			.sql("""
					update mail_outbox set status = 'QUEUED', next_attempt_at = :next, claimed_at = null, last_error = :error
					where id = :id""")
			.param("next", Rows.utc(next))
			.param("error", shortened(error))
			.param("id", id)
			.update();
	}

	/** ends a mail without sending it: {@code FAILED} or {@code CANCELLED} */
	void end(long id, Status status, @Nullable String error) {
		this.jdbc.sql("update mail_outbox set status = :status, last_error = :error, link_token = null where id = :id")
			.param("status", status.name())
			.param("error", (error != null) ? shortened(error) : null)
			.param("id", id)
			.update();
	}

	/**
	 * Marks the mails whose sender stopped while sending them (claimed long ago, never
	 * marked): they may or may not have gone, and are not sent again by themselves.
	 * @return how many
	 */
	int markUnsure(Instant claimedBefore) {
		return this.jdbc.sql("""
				update mail_outbox set status = 'UNSURE', last_error = 'the blog stopped while sending it'
				where status = 'SENDING' and claimed_at < :before""").param("before", Rows.utc(claimedBefore)).update();
	}

	/**
	 * Queues a failed or unsure mail again, as the editor asked.
	 * @return whether it was one of those
	 */
	boolean resend(long id, Instant now) {
		return this.jdbc.sql("""
				update mail_outbox set status = 'QUEUED', next_attempt_at = :now, attempts = 0, created_at = :now
				where id = :id and status in ('FAILED', 'UNSURE')""")
			.param("now", Rows.utc(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Deletes the outbox's history: mails sent, cancelled or failed before then.
	 * @return how many
	 */
	int purgeOutbox(Instant before) {
		return this.jdbc.sql("""
				delete from mail_outbox where status in ('SENT', 'CANCELLED', 'FAILED') and created_at < :before""")
			.param("before", Rows.utc(before))
			.update();
	}

	private static String shortened(String text) {
		return (text.length() > 1000) ? text.substring(0, 999) + "…" : text;
	}

	private static Mail mail(ResultSet row, int n) throws SQLException {
		long subscription = row.getLong("subscription_id");
		Long subscriptionId = row.wasNull() ? null : subscription;
		return new Mail(row.getLong("id"), Kind.valueOf(row.getString("kind")), row.getString("about"),
				row.getString("link_token"), Status.valueOf(row.getString("status")), row.getInt("attempts"),
				Rows.instant(row, "created_at"), Rows.optionalInstant(row, "sent_at"), row.getString("last_error"),
				row.getLong("subscriber_id"), row.getString("email"), row.getString("language"), subscriptionId,
				row.getString("target"));
	}

}
