package blog.comment.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentPublished;
import blog.comment.CommentRepository;
import blog.comment.CommentRepository.DeskRow;
import blog.comment.CommentRepository.Listing;
import blog.comment.CommentsChanged;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * What the editor does to comments: the queue, and the status changes. Each change keeps
 * the status it replaced, so that spam and deleted comments can be restored until they
 * are purged. Callers run changes in their own transaction; each change publishes
 * {@link CommentsChanged} in it, and its post's page follows once it committed.
 */
@Service
public class Moderation {

	/** comments a desk page lists */
	public static final int PER_PAGE = 50;

	private final CommentRepository repository;

	private final ApplicationEventPublisher events;

	Moderation(CommentRepository repository, ApplicationEventPublisher events) {
		this.repository = repository;
		this.events = events;
	}

	/**
	 * Changes a comment's status.
	 * @param id the comment
	 * @param action what the editor chose
	 * @param now the time of the change
	 * @return the change, if the comment exists and the action changed it
	 */
	public Optional<Change> apply(long id, Action action, Instant now) {
		Optional<DeskRow> row = this.repository.findForDesk(id);
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Comment comment = row.get().comment();
		Comment.Status from = comment.status();
		Comment.Status to = switch (action) {
			case APPROVE -> Comment.Status.PUBLISHED;
			case SPAM -> Comment.Status.SPAM;
			case DELETE -> Comment.Status.DELETED;
			case RESTORE -> (from == Comment.Status.SPAM || from == Comment.Status.DELETED)
					? restoredStatus(row.get().statusBefore()) : from;
		};
		boolean changed;
		if (to == from && action == Action.APPROVE && row.get().openReports() > 0) {
			// kept as it is: the editor has answered its reports
			changed = this.repository.markReviewed(id, from, now);
		}
		else {
			changed = to != from && this.repository.changeStatus(id, from, to,
					(to == Comment.Status.PENDING) ? row.get().heldReason() : null, now);
		}
		if (!changed) {
			return Optional.empty();
		}
		this.events.publishEvent(CommentsChanged.any(comment.postSlug()));
		if (to == Comment.Status.PUBLISHED && from != Comment.Status.PUBLISHED) {
			// within the editor's transaction: the mail it causes commits with the
			// decision
			this.events.publishEvent(new CommentPublished(id));
		}
		return Optional.of(new Change(comment, to));
	}

	private static Comment.Status restoredStatus(Comment.@Nullable Status before) {
		return (before == null || before == Comment.Status.SPAM || before == Comment.Status.DELETED)
				? Comment.Status.PUBLISHED : before;
	}

	/**
	 * @param id a comment
	 * @return it, with what the desk shows of it
	 */
	public Optional<Item> find(long id) {
		return this.repository.findForDesk(id).map((row) -> withReasons(List.of(row)).get(0));
	}

	/**
	 * The desk's list: for {@link Filter#QUEUE}, reported comments first (most reported
	 * first), then held ones (oldest first, as they came), then the most recent others;
	 * for a status, its comments, newest first.
	 * @param filter which comments
	 * @param search words that the name or the text must hold, or blank
	 * @param page which page, from 1
	 * @return that page
	 */
	public List<Item> list(Filter filter, @Nullable String search, int page) {
		return withReasons(
				this.repository.list(filter.listing(), search, PER_PAGE, (long) (Math.max(page, 1) - 1) * PER_PAGE));
	}

	/** the rows with the reasons readers gave in their open reports: one query */
	private List<Item> withReasons(List<DeskRow> rows) {
		Map<Long, List<String>> reasons = this.repository.openReportReasons(
				rows.stream().filter((row) -> row.openReports() > 0).map((row) -> row.comment().id()).toList());
		return rows.stream()
			.map((row) -> new Item(row.comment(), row.heldReason(), row.statusChangedAt(), row.statusBefore(),
					row.openReports(), reasons.getOrDefault(row.comment().id(), List.of())))
			.toList();
	}

	/**
	 * @return how many comments the list would show, over all pages
	 */
	public long count(Filter filter, @Nullable String search) {
		return this.repository.count(filter.listing(), search);
	}

	/**
	 * @return how many comments there are of each status
	 */
	public Map<Comment.Status, Long> counts() {
		return this.repository.countByStatus();
	}

	/**
	 * @return how many comments have reports the editor has not answered
	 */
	public long reported() {
		return this.repository.count(Filter.REPORTED.listing(), null);
	}

	/**
	 * Deletes for good the spam and deleted comments whose status changed before the
	 * given time, unless a kept comment replies to them.
	 * @param before the cut-off
	 * @return the comments purged
	 */
	public List<Comment> purge(Instant before) {
		List<Comment> purged = this.repository.purge(before);
		purged.stream()
			.map(Comment::postSlug)
			.distinct()
			.forEach((post) -> this.events.publishEvent(CommentsChanged.any(post)));
		return purged;
	}

	/**
	 * What the editor can do to a comment.
	 */
	public enum Action {

		/** publish it, or keep it published and answer its reports */
		APPROVE,
		/** mark it spam (hidden; restorable until purged) */
		SPAM,
		/** delete it (hidden; restorable until purged) */
		DELETE,
		/** give a spam or deleted comment back the status it had */
		RESTORE

	}

	/**
	 * Which comments the desk lists.
	 */
	public enum Filter {

		QUEUE(null), REPORTED(null), HELD(Comment.Status.PENDING), PUBLISHED(Comment.Status.PUBLISHED),
		SPAM(Comment.Status.SPAM), DELETED(Comment.Status.DELETED);

		private final Comment.@Nullable Status status;

		Filter(Comment.@Nullable Status status) {
			this.status = status;
		}

		Listing listing() {
			return switch (this) {
				case QUEUE -> new Listing(null, false, Listing.Order.QUEUE);
				case REPORTED -> new Listing(null, true, Listing.Order.MOST_REPORTED);
				default -> new Listing(this.status, false, Listing.Order.LATEST_CHANGE);
			};
		}

	}

	/**
	 * A status change made.
	 *
	 * @param before the comment as it was
	 * @param to its status now
	 */
	public record Change(Comment before, Comment.Status to) {
	}

	/**
	 * A comment as the desk shows it.
	 *
	 * @param comment the comment
	 * @param heldReason why it is held, while it is
	 * @param statusChangedAt when the editor or its writer last changed its status
	 * @param statusBefore the status it had before
	 * @param reports how many readers reported it since the editor last acted on it
	 * @param reasons the reasons they gave, oldest first
	 */
	public record Item(Comment comment, @Nullable String heldReason, @Nullable Instant statusChangedAt,
			Comment.@Nullable Status statusBefore, int reports, List<String> reasons) {
	}

}
