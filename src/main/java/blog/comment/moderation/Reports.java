package blog.comment.moderation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentHeld;
import blog.comment.CommentProperties;
import blog.comment.CommentRateLimiter;
import blog.comment.CommentRepository;
import blog.comment.CommentsChanged;
import blog.system.Keys;
import blog.system.Text;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Readers' reports of comments. A client reports a comment once; reports are rate-limited
 * as comments are. When {@code blog.comments.reports-to-hide} different clients have
 * reported a published comment that the editor has not judged yet, it is held until the
 * editor decides. Reports made after the editor's last decision are open: they bring the
 * comment to the top of the desk, but no longer hide it. The {@code comment_report}
 * table's statements are here; the comment's own are in {@link CommentRepository}.
 */
@Service
public class Reports {

	/** the longest reason kept, in characters */
	public static final int REASON_MAX = 400;

	private final JdbcClient jdbc;

	private final Keys keys;

	private final CommentRateLimiter rateLimiter;

	private final CommentRepository comments;

	private final Clock clock;

	private final int toHide;

	private final ApplicationEventPublisher events;

	Reports(JdbcClient jdbc, Keys keys, CommentRateLimiter rateLimiter, CommentRepository comments, Clock clock,
			CommentProperties properties, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.keys = keys;
		this.rateLimiter = rateLimiter;
		this.comments = comments;
		this.clock = clock;
		this.toHide = properties.reportsToHide();
		this.events = events;
	}

	/**
	 * Records a reader's report. Each statement commits on its own, so that of reports
	 * sent at once, the last to count sees all the others.
	 * @param id the comment
	 * @param reason why, as the reader wrote it (optional)
	 * @param address the client's network address (only its salted hash is kept)
	 * @return what happened
	 */
	public Outcome report(long id, @Nullable String reason, String address) {
		Optional<Comment> comment = this.comments.find(id)
			.filter((found) -> found.status() == Comment.Status.PUBLISHED || found.status() == Comment.Status.PENDING);
		if (comment.isEmpty()) {
			return new Outcome.Unknown();
		}
		String why = Text.clean(reason).strip();
		if (why.length() > REASON_MAX) {
			return new Outcome.TooLong(why.length());
		}
		String client = this.keys.client(address);
		Optional<Duration> wait = this.rateLimiter.tryAcquire("report\n" + client);
		if (wait.isPresent()) {
			return new Outcome.Limited(wait.get());
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		try {
			this.jdbc.sql("""
					insert into comment_report (comment_id, client_hash, reason, created_at)
					values (:id, :client, :reason, :now)""")
				.param("id", id)
				.param("client", client)
				.param("reason", why.isEmpty() ? null : why)
				.param("now", now.atOffset(ZoneOffset.UTC))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return new Outcome.Recorded(comment.get(), false);
		}
		long open = this.jdbc.sql("""
				select count(*) from comment_report r join comment c on c.id = r.comment_id
				where r.comment_id = :id and c.reviewed_at is null""").param("id", id).query(Long.class).single();
		if (open < this.toHide) {
			return new Outcome.Recorded(comment.get(), false);
		}
		String heldReason = "hidden after reports from " + open + " readers";
		boolean hidden = this.comments.holdReported(id, heldReason, now);
		if (hidden) {
			this.events.publishEvent(CommentsChanged.any(comment.get().postSlug()));
			this.events.publishEvent(new CommentHeld(comment.get(), heldReason));
		}
		return new Outcome.Recorded(comment.get(), hidden);
	}

	/**
	 * What became of a report.
	 */
	public sealed interface Outcome {

		/**
		 * kept (or kept before, from the same client); {@code hidden} when it hid the
		 * comment
		 */
		record Recorded(Comment comment, boolean hidden) implements Outcome {
		}

		/** no such comment shown to readers */
		record Unknown() implements Outcome {
		}

		/** not kept: the reason is longer than {@link #REASON_MAX} */
		record TooLong(int length) implements Outcome {
		}

		/** not kept: too many reports from this client */
		record Limited(Duration retryAfter) implements Outcome {
		}

	}

}
