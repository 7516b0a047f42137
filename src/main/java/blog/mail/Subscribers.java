package blog.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The addresses readers gave, each confirmed or not, and which comments their owners
 * wrote. SQL that H2 and PostgreSQL both run.
 */
@Repository
class Subscribers {

	private final JdbcClient jdbc;

	Subscribers(JdbcClient jdbc) {
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

	Optional<Subscriber> subscriber(String email) {
		return this.jdbc.sql("select * from mail_subscriber where email = :email")
			.param("email", email)
			.query(Subscribers::subscriber)
			.optional();
	}

	Optional<Subscriber> subscriber(long id) {
		return this.jdbc.sql("select * from mail_subscriber where id = :id")
			.param("id", id)
			.query(Subscribers::subscriber)
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
			.param("now", Rows.utc(now))
			.update();
		return subscriber(email).orElseThrow();
	}

	/**
	 * @return every address with what it follows and the comments its owner wrote, for
	 * the export
	 */
	List<Subscriber> allSubscribers() {
		return this.jdbc.sql("select * from mail_subscriber order by id").query(Subscribers::subscriber).list();
	}

	List<Long> writtenBy(long subscriberId) {
		return this.jdbc.sql("select comment_id from comment_writer where subscriber_id = :id order by comment_id")
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
				.param("at", Rows.utc(confirmedAt))
				.param("id", subscriber.id())
				.update();
		}
		return subscriber;
	}

	/** notes the comment's writer, so that nobody is mailed about their own comment */
	void writtenBy(long commentId, long subscriberId) {
		int changed = this.jdbc.sql("update comment_writer set subscriber_id = :subscriber where comment_id = :id")
			.param("subscriber", subscriberId)
			.param("id", commentId)
			.update();
		if (changed == 0) {
			this.jdbc.sql("insert into comment_writer (comment_id, subscriber_id) values (:id, :subscriber)")
				.param("subscriber", subscriberId)
				.param("id", commentId)
				.update();
		}
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
			.param("now", Rows.utc(now))
			.param("hash", hash)
			.param("id", subscriberId)
			.param("since", Rows.utc(now.minus(once)))
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
			.param("now", Rows.utc(now))
			.param("id", subscriberId)
			.param("hash", hash)
			.update() == 1;
	}

	/** deletes an address with everything followed and queued for it */
	void forget(long subscriberId) {
		this.jdbc.sql("delete from mail_subscriber where id = :id").param("id", subscriberId).update();
	}

	/**
	 * Deletes addresses nobody confirmed within the time a confirmation link lasts.
	 * @return how many
	 */
	int purgeUnconfirmed(Instant before) {
		return this.jdbc.sql("""
				delete from mail_subscriber where confirmed_at is null
				and coalesce(confirm_sent_at, created_at) < :before""").param("before", Rows.utc(before)).update();
	}

	private static Subscriber subscriber(ResultSet row, int n) throws SQLException {
		return new Subscriber(row.getLong("id"), row.getString("email"), row.getString("language"),
				Rows.instant(row, "created_at"), Rows.optionalInstant(row, "confirmed_at"),
				row.getString("confirm_hash"), Rows.optionalInstant(row, "confirm_sent_at"));
	}

}
