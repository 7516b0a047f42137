package blog.mail;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What each address follows: a thread, a post's comments or the blog's new posts. SQL
 * that H2 and PostgreSQL both run.
 */
@Repository
class Subscriptions {

	private final JdbcClient jdbc;

	Subscriptions(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
			.param("now", Rows.utc(now))
			.update();
		return subscription(subscriberId, target).orElseThrow();
	}

	private Optional<Subscription> subscription(long subscriberId, String target) {
		return this.jdbc.sql("select * from mail_subscription where subscriber_id = :subscriber and target = :target")
			.param("subscriber", subscriberId)
			.param("target", target)
			.query(Subscriptions::subscription)
			.optional();
	}

	Optional<Subscription> subscription(long id) {
		return this.jdbc.sql("select * from mail_subscription where id = :id")
			.param("id", id)
			.query(Subscriptions::subscription)
			.optional();
	}

	List<Subscription> subscriptions(long subscriberId) {
		return this.jdbc.sql("select * from mail_subscription where subscriber_id = :subscriber order by id")
			.param("subscriber", subscriberId)
			.query(Subscriptions::subscription)
			.list();
	}

	/**
	 * @return whether the comment's writer follows its thread (through this comment)
	 */
	boolean followsOwnComment(long commentId) {
		return this.jdbc.sql("""
				select count(*) from mail_subscription s join comment_writer w on w.comment_id = s.origin_comment_id
				where w.comment_id = :id and s.subscriber_id = w.subscriber_id""")
			.param("id", commentId)
			.query(Long.class)
			.single() > 0;
	}

	/** stops mailing a comment's writer the replies to it */
	void stopOwnComment(long commentId) {
		Optional<Long> subscriber = this.jdbc.sql("select subscriber_id from comment_writer where comment_id = :id")
			.param("id", commentId)
			.query(Long.class)
			.optional();
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

	private void deleteIfUnused(long subscriberId) {
		this.jdbc.sql("""
				delete from mail_subscriber where id = :id
				and not exists (select 1 from mail_subscription s where s.subscriber_id = :id)""")
			.param("id", subscriberId)
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

	private static Subscription subscription(ResultSet row, int n) throws SQLException {
		long origin = row.getLong("origin_comment_id");
		return new Subscription(row.getLong("id"), row.getLong("subscriber_id"), row.getString("target"),
				row.wasNull() ? null : origin);
	}

}
