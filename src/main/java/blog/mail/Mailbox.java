package blog.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement on the mail tables: the addresses readers gave (each confirmed or not),
 * what they follow, and the outbox. SQL that H2 and PostgreSQL both run.
 */
@Repository
class Mailbox {

	/** the outbox's statuses */
	enum Status {

		QUEUED, SENDING, SENT, FAILED, UNSURE, CANCELLED

	}

	/** what a mail is */
	enum Kind {

		CONFIRM, COMMENT, POST

	}

	private final JdbcClient jdbc;

	Mailbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An address as it is kept.
	 *
	 * @param id its number
	 * @param email the address
	 * @param language the language of its mails
	 * @param createdAt when it was first given
	 * @param confirmedAt when its owner confirmed it, or null
	 * @param confirmHash the hash of the open confirmation link's single-use part, or
	 * null
	 * @param confirmSentAt when the last confirmation mail was queued, or null
	 */
	record Subscriber(long id, String email, String language, Instant createdAt, @Nullable Instant confirmedAt,
			@Nullable String confirmHash, @Nullable Instant confirmSentAt) {

		boolean confirmed() {
			return this.confirmedAt != null;
		}

		@Override
		public String toString() {
			// never an address in a log line
			return "Subscriber[" + this.id + "]";
		}

	}

	/**
	 * What an address follows.
	 *
	 * @param id its number
	 * @param subscriberId whose
	 * @param target {@code thread:<comment id>}, {@code post:<slug>} or {@code blog}
	 * @param originCommentId for a thread, the comment whose writer asked
	 */
	record Subscription(long id, long subscriberId, String target, @Nullable Long originCommentId) {
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

	Optional<Subscriber> subscriber(String email) {
		return this.jdbc.sql("select * from mail_subscriber where email = :email")
			.param("email", email)
			.query(Mailbox::subscriber)
			.optional();
	}

	Optional<Subscriber> subscriber(long id) {
		return this.jdbc.sql("select * from mail_subscriber where id = :id")
			.param("id", id)
			.query(Mailbox::subscriber)
			.optional();
	}

	/**
	 * @return the address's row, made now if it is new (two instances making the same one
	 * at once: one of them fails on the unique address, and its caller tries again)
	 */
	Subscriber subscriberFor(String email, String language, Instant now) {
		Optional<Subscriber> known = subscriber(email);
		if (known.isPresent()) {
			return known.get();
		}
		this.jdbc.sql("insert into mail_subscriber (email, language, created_at) values (:email, :language, :now)")
			.param("email", email)
			.param("language", language)
			.param("now", utc(now))
			.update();
		return subscriber(email).orElseThrow();
	}

	/**
	 * @return the subscription, made now if the address did not follow that yet
	 */
	Subscription follow(long subscriberId, String target, @Nullable Long originCommentId, Instant now) {
		Optional<Subscription> known = subscription(subscriberId, target);
		if (known.isPresent()) {
			return known.get();
		}
		this.jdbc.sql("""
				insert into mail_subscription (subscriber_id, target, origin_comment_id, created_at)
				values (:subscriber, :target, :origin, :now)""")
			.param("subscriber", subscriberId)
			.param("target", target)
			.param("origin", originCommentId)
			.param("now", utc(now))
			.update();
		return subscription(subscriberId, target).orElseThrow();
	}

	private Optional<Subscription> subscription(long subscriberId, String target) {
		return this.jdbc.sql("select * from mail_subscription where subscriber_id = :subscriber and target = :target")
			.param("subscriber", subscriberId)
			.param("target", target)
			.query(Mailbox::subscription)
			.optional();
	}

	Optional<Subscription> subscription(long id) {
		return this.jdbc.sql("select * from mail_subscription where id = :id")
			.param("id", id)
			.query(Mailbox::subscription)
			.optional();
	}

	List<Subscription> subscriptions(long subscriberId) {
		return this.jdbc.sql("select * from mail_subscription where subscriber_id = :subscriber order by id")
			.param("subscriber", subscriberId)
			.query(Mailbox::subscription)
			.list();
	}

	/**
	 * @return every address with what it follows and the comments its owner wrote, for
	 * the export
	 */
	List<Subscriber> allSubscribers() {
		return this.jdbc.sql("select * from mail_subscriber order by id").query(Mailbox::subscriber).list();
	}

	List<Long> writtenBy(long subscriberId) {
		return this.jdbc.sql("select id from comment where subscriber_id = :id order by id")
			.param("id", subscriberId)
			.query(Long.class)
			.list();
	}

	/**
	 * An address from an export: added, or, when it is here already, confirmed if the
	 * export says it was.
	 * @return its row here
	 */
	Subscriber imported(String email, String language, Instant createdAt, @Nullable Instant confirmedAt) {
		Subscriber subscriber = subscriberFor(email, language, createdAt);
		if (confirmedAt != null && !subscriber.confirmed()) {
			this.jdbc.sql("update mail_subscriber set confirmed_at = :at, confirm_hash = null where id = :id")
				.param("at", utc(confirmedAt))
				.param("id", subscriber.id())
				.update();
		}
		return subscriber;
	}

	/** notes the comment's writer, so that nobody is mailed about their own comment */
	void writtenBy(long commentId, long subscriberId) {
		this.jdbc.sql("update comment set subscriber_id = :subscriber where id = :id")
			.param("subscriber", subscriberId)
			.param("id", commentId)
			.update();
	}

	/**
	 * Claims the address's confirmation mail for now, unless one went out in the last
	 * day.
	 * @param hash the hash of the new link's single-use part (the old link stops working)
	 * @return whether the mail may be sent
	 */
	boolean claimConfirmation(long subscriberId, String hash, Instant now, Duration once) {
		return this.jdbc.sql("""
				update mail_subscriber set confirm_sent_at = :now, confirm_hash = :hash
				where id = :id and confirmed_at is null and (confirm_sent_at is null or confirm_sent_at <= :since)""")
			.param("now", utc(now))
			.param("hash", hash)
			.param("id", subscriberId)
			.param("since", utc(now.minus(once)))
			.update() == 1;
	}

	/**
	 * Confirms the address, if the link's single-use part is the open one.
	 * @return whether it was confirmed now
	 */
	boolean confirm(long subscriberId, String hash, Instant now) {
		return this.jdbc.sql("""
				update mail_subscriber set confirmed_at = :now, confirm_hash = null
				where id = :id and confirm_hash = :hash and confirmed_at is null""")
			.param("now", utc(now))
			.param("id", subscriberId)
			.param("hash", hash)
			.update() == 1;
	}

	/**
	 * @return whether the comment's writer follows its thread (through this comment)
	 */
	boolean followsOwnComment(long commentId) {
		return this.jdbc.sql("""
				select count(*) from mail_subscription s join comment c on c.id = s.origin_comment_id
				where c.id = :id and s.subscriber_id = c.subscriber_id""")
			.param("id", commentId)
			.query(Long.class)
			.single() > 0;
	}

	/** stops mailing a comment's writer the replies to it */
	void stopOwnComment(long commentId) {
		Optional<Long> subscriber = this.jdbc.sql("select coalesce(subscriber_id, -1) from comment where id = :id")
			.param("id", commentId)
			.query(Long.class)
			.optional()
			.filter((id) -> id > 0);
		this.jdbc.sql("delete from mail_subscription where origin_comment_id = :id").param("id", commentId).update();
		subscriber.ifPresent(this::deleteIfUnused);
	}

	/** ends a subscription, and deletes the address when it follows nothing else */
	void unfollow(long subscriptionId) {
		Optional<Subscription> subscription = subscription(subscriptionId);
		if (subscription.isEmpty()) {
			return;
		}
		this.jdbc.sql("delete from mail_subscription where id = :id").param("id", subscriptionId).update();
		deleteIfUnused(subscription.get().subscriberId());
	}

	/** deletes an address with everything followed and queued for it */
	void forget(long subscriberId) {
		this.jdbc.sql("delete from mail_subscriber where id = :id").param("id", subscriberId).update();
	}

	private void deleteIfUnused(long subscriberId) {
		this.jdbc.sql("""
				delete from mail_subscriber where id = :id
				and not exists (select 1 from mail_subscription s where s.subscriber_id = :id)""")
			.param("id", subscriberId)
			.update();
	}

	/**
	 * Deletes addresses nobody confirmed within the time a confirmation link lasts.
	 * @return how many
	 */
	int purgeUnconfirmed(Instant before) {
		return this.jdbc.sql("""
				delete from mail_subscriber where confirmed_at is null
				and coalesce(confirm_sent_at, created_at) < :before""").param("before", utc(before)).update();
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
			.param("now", utc(now))
			.update();
	}

	/**
	 * Queues a mail about a comment readers now see to every confirmed address that
	 * follows its thread or its post, except its writer's: once per address and comment,
	 * however often it is published. A thread counts only while the comment its follower
	 * wrote is published.
	 * @return how many mails
	 */
	int queueComment(long commentId, long threadId, String postSlug, Instant now) {
		// most comments have no follower: one look at the index, not the insert's joins
		if (this.jdbc.sql("select 1 from mail_subscription where target in (:thread, :post) limit 1")
			.param("thread", "thread:" + threadId)
			.param("post", "post:" + postSlug)
			.query(Integer.class)
			.optional()
			.isEmpty()) {
			return 0;
		}
		String about = Long.toString(commentId);
		return this.jdbc.sql("""
				insert into mail_outbox (subscriber_id, subscription_id, kind, about, dedupe, status, next_attempt_at,
				  created_at)
				select s.subscriber_id, min(s.id), 'COMMENT', :about, 'comment:' || :about || ':' || s.subscriber_id,
				  'QUEUED', :now, :now
				from mail_subscription s
				join mail_subscriber m on m.id = s.subscriber_id
				join comment c on c.id = :comment
				left join comment origin on origin.id = s.origin_comment_id
				where s.target in (:thread, :post) and m.confirmed_at is not null
				  and (s.origin_comment_id is null or origin.status = 'PUBLISHED')
				  and (c.subscriber_id is null or c.subscriber_id <> s.subscriber_id)
				  and not exists (select 1 from mail_outbox o
				    where o.dedupe = 'comment:' || :about || ':' || s.subscriber_id)
				group by s.subscriber_id""")
			.param("about", about)
			.param("now", utc(now))
			.param("comment", commentId)
			.param("thread", "thread:" + threadId)
			.param("post", "post:" + postSlug)
			.update();
	}

	/**
	 * Notes a post as seen; its first sight queues a mail to each confirmed address that
	 * follows the blog, unless {@code mail} is false (the posts already there on the
	 * first start ever).
	 * @return whether this was its first sight
	 */
	boolean postSeen(String slug, Instant now, boolean mail) {
		boolean first = this.jdbc.sql("""
				insert into mail_post (post_slug, first_seen_at)
				select :slug, :now where not exists (select 1 from mail_post where post_slug = :slug)""")
			.param("slug", slug)
			.param("now", utc(now))
			.update() == 1;
		if (first && mail) {
			this.jdbc
				.sql("""
						insert into mail_outbox (subscriber_id, subscription_id, kind, about, dedupe, status, next_attempt_at,
						  created_at)
						select s.subscriber_id, s.id, 'POST', :slug, 'post:' || :slug || ':' || s.subscriber_id, 'QUEUED', :now, :now
						from mail_subscription s join mail_subscriber m on m.id = s.subscriber_id
						where s.target = 'blog' and m.confirmed_at is not null""")
				.param("slug", slug)
				.param("now", utc(now))
				.update();
		}
		return first;
	}

	/**
	 * @return whether any post was ever seen (no: this is the first start with mail)
	 */
	boolean anyPostSeen() {
		return this.jdbc.sql("select count(*) from mail_post").query(Long.class).single() > 0;
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
			.param("now", utc(now))
			.query(Long.class)
			.optional();
		if (id.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("""
				update mail_outbox set status = 'SENDING', claimed_at = :now, attempts = attempts + 1
				where id = :id""").param("now", utc(now)).param("id", id.get()).update();
		return mail(id.get());
	}

	Optional<Mail> mail(long id) {
		return this.jdbc.sql("""
				select o.*, m.email, m.language, s.target from mail_outbox o
				join mail_subscriber m on m.id = o.subscriber_id
				left join mail_subscription s on s.id = o.subscription_id
				where o.id = :id""").param("id", id).query(Mailbox::mail).optional();
	}

	void sent(long id, Instant now) {
		this.jdbc.sql("""
				update mail_outbox set status = 'SENT', sent_at = :now, link_token = null, last_error = null
				where id = :id""").param("now", utc(now)).param("id", id).update();
	}

	/** puts a mail back in the queue, to be tried again at {@code next} */
	void retry(long id, Instant next, String error) {
		this.jdbc
			.sql("""
					update mail_outbox set status = 'QUEUED', next_attempt_at = :next, claimed_at = null, last_error = :error
					where id = :id""")
			.param("next", utc(next))
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
				where status = 'SENDING' and claimed_at < :before""").param("before", utc(claimedBefore)).update();
	}

	/**
	 * Queues a failed or unsure mail again, as the editor asked.
	 * @return whether it was one of those
	 */
	boolean resend(long id, Instant now) {
		return this.jdbc.sql("""
				update mail_outbox set status = 'QUEUED', next_attempt_at = :now, attempts = 0, created_at = :now
				where id = :id and status in ('FAILED', 'UNSURE')""")
			.param("now", utc(now))
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
			.param("before", utc(before))
			.update();
	}

	/**
	 * @return per target ({@code post:<slug>}, the blog, and the threads of each post as
	 * {@code thread:<slug>}), how many confirmed and unconfirmed addresses follow it
	 */
	List<MailDesk.Followers> followers() {
		return this.jdbc.sql("""
				select case when s.target like 'thread:%' then 'thread:' || c.post_slug else s.target end as what,
				  count(distinct case when m.confirmed_at is not null then m.id end) as confirmed,
				  count(distinct case when m.confirmed_at is null then m.id end) as unconfirmed
				from mail_subscription s join mail_subscriber m on m.id = s.subscriber_id
				left join comment c on c.id = s.origin_comment_id
				group by case when s.target like 'thread:%' then 'thread:' || c.post_slug else s.target end
				order by 1""")
			.query((row, n) -> new MailDesk.Followers(row.getString("what"), row.getLong("confirmed"),
					row.getLong("unconfirmed")))
			.list();
	}

	/**
	 * @return the outbox's latest mails, newest first, without their addresses
	 */
	List<MailDesk.Sending> latest(@Nullable Status status, int limit) {
		return this.jdbc
			.sql("""
					select id, kind, about, status, attempts, created_at, sent_at, next_attempt_at, last_error from mail_outbox
					where (:status = '' or status = :status) order by id desc limit :limit""")
			.param("status", (status != null) ? status.name() : "")
			.param("limit", limit)
			.query((row, n) -> new MailDesk.Sending(row.getLong("id"), row.getString("kind"), row.getString("about"),
					row.getString("status"), row.getInt("attempts"), instant(row, "created_at"),
					optionalInstant(row, "sent_at"), instant(row, "next_attempt_at"), row.getString("last_error")))
			.list();
	}

	/**
	 * @return how many mails the outbox holds in each status
	 */
	java.util.Map<Status, Long> counts() {
		java.util.Map<Status, Long> counts = new java.util.EnumMap<>(Status.class);
		for (Status status : Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) as n from mail_outbox group by status")
			.query((row, n) -> counts.put(Status.valueOf(row.getString("status")), row.getLong("n")))
			.list();
		return counts;
	}

	private static String shortened(String text) {
		return (text.length() > 1000) ? text.substring(0, 999) + "…" : text;
	}

	private static Subscriber subscriber(ResultSet row, int n) throws SQLException {
		return new Subscriber(row.getLong("id"), row.getString("email"), row.getString("language"),
				instant(row, "created_at"), optionalInstant(row, "confirmed_at"), row.getString("confirm_hash"),
				optionalInstant(row, "confirm_sent_at"));
	}

	private static Subscription subscription(ResultSet row, int n) throws SQLException {
		long origin = row.getLong("origin_comment_id");
		return new Subscription(row.getLong("id"), row.getLong("subscriber_id"), row.getString("target"),
				row.wasNull() ? null : origin);
	}

	private static Mail mail(ResultSet row, int n) throws SQLException {
		long subscription = row.getLong("subscription_id");
		Long subscriptionId = row.wasNull() ? null : subscription;
		return new Mail(row.getLong("id"), Kind.valueOf(row.getString("kind")), row.getString("about"),
				row.getString("link_token"), Status.valueOf(row.getString("status")), row.getInt("attempts"),
				instant(row, "created_at"), optionalInstant(row, "sent_at"), row.getString("last_error"),
				row.getLong("subscriber_id"), row.getString("email"), row.getString("language"), subscriptionId,
				row.getString("target"));
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

}
