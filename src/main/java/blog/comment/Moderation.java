package blog.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What the editor does to comments: the queue, and the status changes. Each change keeps
 * the status it replaced, so that spam and deleted comments can be restored until they
 * are purged. Callers run changes in their own transaction and, once it committed, tell
 * {@link CommentService#changed} which posts changed.
 */
@Service
public class Moderation {

	/** comments a desk page lists */
	public static final int PER_PAGE = 50;

	/** the reports made since the editor last acted on comment c */
	private static final String OPEN_REPORTS = "(select count(*) from comment_report r where r.comment_id = c.id"
			+ " and (c.reviewed_at is null or r.created_at > c.reviewed_at))";

	private static final String COLUMNS = "id, post_slug, parent_id, author_name, body_markdown, body_html, status,"
			+ " created_at, held_reason, status_changed_at, status_before, " + OPEN_REPORTS + " as open_reports";

	private final JdbcClient jdbc;

	Moderation(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Changes a comment's status.
	 * @param id the comment
	 * @param action what the editor chose
	 * @param now the time of the change
	 * @return the change, if the comment exists and the action changed it
	 */
	public Optional<Change> apply(long id, Action action, Instant now) {
		Optional<Item> item = find(id);
		if (item.isEmpty()) {
			return Optional.empty();
		}
		Comment.Status from = item.get().comment().status();
		Comment.Status to = switch (action) {
			case APPROVE -> Comment.Status.PUBLISHED;
			case SPAM -> Comment.Status.SPAM;
			case DELETE -> Comment.Status.DELETED;
			case RESTORE -> (from == Comment.Status.SPAM || from == Comment.Status.DELETED)
					? restoredStatus(item.get().statusBefore()) : from;
		};
		if (to == from && action == Action.APPROVE && item.get().reports() > 0) {
			// kept as it is: the editor has answered its reports
			int updated = this.jdbc.sql("update comment set reviewed_at = :now where id = :id and status = :from")
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("id", id)
				.param("from", from.name())
				.update();
			return (updated == 1) ? Optional.of(new Change(item.get().comment(), to)) : Optional.empty();
		}
		if (to == from) {
			return Optional.empty();
		}
		int updated = this.jdbc.sql("""
				update comment set status = :to, status_before = :from, status_changed_at = :now, held_reason = :reason,
				  reviewed_at = :now
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("reason", (to == Comment.Status.PENDING) ? item.get().heldReason() : null)
			.param("id", id)
			.update();
		return (updated == 1) ? Optional.of(new Change(item.get().comment(), to)) : Optional.empty();
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
		return this.jdbc.sql("select " + COLUMNS + " from comment c where id = :id")
			.param("id", id)
			.query(Moderation::item)
			.optional()
			.map(this::withReasons);
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
		String order = switch (filter) {
			case QUEUE -> " order by open_reports desc, case when status = 'PENDING' then 0 else 1 end,"
					+ " case when status = 'PENDING' then created_at end asc, created_at desc, id desc";
			case REPORTED -> " order by open_reports desc, created_at desc, id desc";
			default -> " order by coalesce(status_changed_at, created_at) desc, id desc";
		};
		return where("select " + COLUMNS, filter, search, order + " limit :limit offset :offset")
			.param("limit", PER_PAGE)
			.param("offset", (long) (Math.max(page, 1) - 1) * PER_PAGE)
			.query(Moderation::item)
			.list()
			.stream()
			.map(this::withReasons)
			.toList();
	}

	/** the item with the reasons readers gave in its open reports */
	private Item withReasons(Item item) {
		if (item.reports() == 0) {
			return item;
		}
		List<String> reasons = this.jdbc
			.sql("""
					select r.reason from comment_report r join comment c on c.id = r.comment_id
					where r.comment_id = :id and r.reason is not null and (c.reviewed_at is null or r.created_at > c.reviewed_at)
					order by r.created_at, r.id""")
			.param("id", item.comment().id())
			.query(String.class)
			.list();
		return new Item(item.comment(), item.heldReason(), item.statusChangedAt(), item.statusBefore(), item.reports(),
				reasons);
	}

	/**
	 * @return how many comments the list would show, over all pages
	 */
	public long count(Filter filter, @Nullable String search) {
		return where("select count(*)", filter, search, "").query(Long.class).single();
	}

	/** the list's query: its filter and search, between a select and a tail */
	private JdbcClient.StatementSpec where(String select, Filter filter, @Nullable String search, String tail) {
		StringBuilder sql = new StringBuilder(select).append(" from comment c where 1 = 1");
		if (filter == Filter.REPORTED) {
			sql.append(" and " + OPEN_REPORTS + " > 0");
		}
		else if (filter != Filter.QUEUE) {
			sql.append(" and status = :status");
		}
		String pattern = pattern(search);
		if (pattern != null) {
			sql.append(
					" and (lower(author_name) like :pattern escape '\\' or lower(body_markdown) like :pattern escape '\\')");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.append(tail).toString());
		if (filter != Filter.QUEUE && filter != Filter.REPORTED) {
			statement = statement.param("status", filter.status().name());
		}
		return (pattern != null) ? statement.param("pattern", pattern) : statement;
	}

	/**
	 * @return how many comments there are of each status
	 */
	public Map<Comment.Status, Long> counts() {
		Map<Comment.Status, Long> counts = new EnumMap<>(Comment.Status.class);
		for (Comment.Status status : Comment.Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) as n from comment group by status").query((row) -> {
			counts.put(Comment.Status.valueOf(row.getString("status")), row.getLong("n"));
		});
		return counts;
	}

	/**
	 * @return how many comments have reports the editor has not answered
	 */
	public long reported() {
		return this.jdbc.sql("select count(*) from comment c where " + OPEN_REPORTS + " > 0")
			.query(Long.class)
			.single();
	}

	/**
	 * Deletes for good the spam and deleted comments whose status changed before the
	 * given time, unless a kept comment replies to them.
	 * @param before the cut-off
	 * @return the comments purged, for the posts' versions
	 */
	public List<Comment> purge(Instant before) {
		List<Comment> purged = this.jdbc.sql("select " + COLUMNS + " from comment c"
				+ " where c.status in ('SPAM', 'DELETED') and c.status_changed_at < :before"
				+ " and not exists (select 1 from comment r where r.parent_id = c.id and r.status not in ('SPAM', 'DELETED'))")
			.param("before", before.atOffset(ZoneOffset.UTC))
			.query(Moderation::item)
			.list()
			.stream()
			.map(Item::comment)
			.toList();
		for (Comment comment : purged) {
			this.jdbc.sql("delete from comment where parent_id = :id and status in ('SPAM', 'DELETED')")
				.param("id", comment.id())
				.update();
			this.jdbc.sql("delete from comment where id = :id").param("id", comment.id()).update();
		}
		return purged;
	}

	private static @Nullable String pattern(@Nullable String search) {
		if (search == null || search.isBlank()) {
			return null;
		}
		String escaped = search.strip()
			.toLowerCase(Locale.ROOT)
			.replace("\\", "\\\\")
			.replace("%", "\\%")
			.replace("_", "\\_");
		return "%" + escaped + "%";
	}

	private static Item item(ResultSet row, int number) throws SQLException {
		long parent = row.getLong("parent_id");
		@Nullable Long parentId = row.wasNull() ? null : parent;
		Comment comment = new Comment(row.getLong("id"), row.getString("post_slug"), parentId,
				row.getString("author_name"), row.getString("body_markdown"), row.getString("body_html"),
				Comment.Status.valueOf(row.getString("status")),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
		OffsetDateTime changed = row.getObject("status_changed_at", OffsetDateTime.class);
		String before = row.getString("status_before");
		return new Item(comment, row.getString("held_reason"), (changed != null) ? changed.toInstant() : null,
				(before != null) ? Comment.Status.valueOf(before) : null, row.getInt("open_reports"), List.of());
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
		RESTORE;

		public String label() {
			return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
		}

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

		Comment.Status status() {
			if (this.status == null) {
				throw new IllegalStateException(name() + " has every status");
			}
			return this.status;
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
