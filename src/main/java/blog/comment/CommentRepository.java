package blog.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import blog.system.Hashes;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code comment} table: every statement on it, in SQL that H2 and PostgreSQL both
 * run, and its rows mapped in one place. It is longer than our other classes on purpose:
 * one table, one file, so that a change to a column is a change here and nowhere else.
 * Grouped by who asks: the reader's page and the write path, the editor's desk, and the
 * archive.
 */
@Repository
public class CommentRepository {

	private static final String COLUMNS = "c.id, c.post_slug, c.parent_id, c.author_name, c.body_markdown,"
			+ " c.body_html, c.status, c.created_at, c.edited_at";

	/** what the desk shows beside a comment */
	private static final String DESK_COLUMNS = COLUMNS + ", c.held_reason, c.status_changed_at, c.status_before";

	/** the reports made since the editor last acted on comment c */
	private static final String OPEN_REPORTS = "(select count(*) from comment_report r where r.comment_id = c.id"
			+ " and (c.reviewed_at is null or r.created_at > c.reviewed_at))";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	// The reader's page and the write path

	long insert(NewComment comment) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, held_reason,
					  created_at, client_hash, body_hash, delete_token_hash)
					values (:slug, :parent, :name, :markdown, :html, :status, :reason, :created, :client, :bodyHash, :tokenHash)""")
			.param("slug", comment.postSlug())
			.param("parent", comment.parentId())
			.param("name", comment.authorName())
			.param("markdown", comment.bodyMarkdown())
			.param("html", comment.bodyHtml())
			.param("status", comment.status().name())
			.param("reason", comment.heldReason())
			.param("created", utc(comment.createdAt()))
			.param("client", comment.clientHash())
			.param("bodyHash", comment.bodyHash())
			.param("tokenHash", comment.deleteTokenHash())
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * Puts its writer's new text in place of a comment's, if it was written since
	 * {@code writtenSince} and is shown or held; a text that must wait for the editor
	 * holds a published comment again.
	 * @return whether it was edited
	 */
	boolean edit(long id, String markdown, String html, String bodyHash, Comment.Status status,
			@Nullable String heldReason, Instant writtenSince, Instant now) {
		return this.jdbc.sql("""
				update comment set body_markdown = :markdown, body_html = :html, body_hash = :hash, status = :status,
				  held_reason = :reason, edited_at = :now
				where id = :id and status in ('PUBLISHED', 'PENDING') and created_at >= :since""")
			.param("markdown", markdown)
			.param("html", html)
			.param("hash", bodyHash)
			.param("status", status.name())
			.param("reason", heldReason)
			.param("now", utc(now))
			.param("id", id)
			.param("since", utc(writtenSince))
			.update() == 1;
	}

	public Optional<Comment> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from comment c where c.id = :id")
			.param("id", id)
			.query(CommentRepository::comment)
			.optional();
	}

	/**
	 * @param heads thread heads, by id
	 * @return those threads as readers see them: each head (published, or deleted) and
	 * its published replies, in thread order (by time, then id)
	 */
	List<Comment> threads(List<Long> heads) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from comment c where c.id in (:heads) and c.status in ('PUBLISHED', 'DELETED')
				union all
				select""" + " " + COLUMNS + """
				 from comment c where c.parent_id in (:heads) and c.status = 'PUBLISHED'
				order by created_at, id""").param("heads", heads).query(CommentRepository::comment).list();
	}

	/**
	 * Reads the post's published and deleted comments into an outline: one pass over the
	 * index {@code comment_by_post}, which holds every column asked for (V12), so that no
	 * row of the table is read (46 ms at 100,000 comments)
	 */
	void readOutline(String slug, ThreadOutline outline) {
		this.jdbc.sql("""
				select id, parent_id, status, created_at from comment
				where post_slug = :slug and status in ('PUBLISHED', 'DELETED')""")
			.param("slug", slug)
			.query((RowCallbackHandler) (row) -> {
				long parent = row.getLong("parent_id");
				boolean topLevel = row.wasNull();
				boolean published = "PUBLISHED".equals(row.getString("status"));
				if (topLevel) {
					outline.topLevel(row.getLong("id"), instant(row, "created_at"), published);
				}
				else if (published) {
					outline.publishedReply(row.getLong("id"), parent);
				}
			});
	}

	boolean hasPublishedReplies(long id) {
		return this.jdbc.sql("select count(*) from comment where parent_id = :id and status = 'PUBLISHED'")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Long> recentTwin(String clientHash, String bodyHash, Instant since) {
		return this.jdbc.sql("""
				select id from comment where client_hash = :client and body_hash = :bodyHash and created_at >= :since
				order by id limit 1""")
			.param("client", clientHash)
			.param("bodyHash", bodyHash)
			.param("since", utc(since))
			.query(Long.class)
			.optional();
	}

	boolean hasPublishedUnder(String name) {
		return this.jdbc.sql("select count(*) from comment where author_name = :name and status = 'PUBLISHED'")
			.param("name", name)
			.query(Long.class)
			.single() > 0;
	}

	boolean deleteTokenMatches(long id, String tokenHash) {
		return this.jdbc.sql("select delete_token_hash from comment where id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.filter((stored) -> Hashes.equal(stored, tokenHash))
			.isPresent();
	}

	/**
	 * @return whether this call was the first to ask (the private link is shown only
	 * once)
	 */
	boolean markDeleteLinkShown(long id) {
		return this.jdbc.sql("update comment set delete_link_shown = true where id = :id and delete_link_shown = false")
			.param("id", id)
			.update() == 1;
	}

	boolean markDeleted(long id, Instant now) {
		return this.jdbc.sql("""
				update comment set status = 'DELETED', status_before = status, status_changed_at = :now
				where id = :id and status <> 'DELETED'""").param("id", id).param("now", utc(now)).update() == 1;
	}

	/**
	 * @param slug a post, or {@code null} for every post
	 * @param limit the most to return
	 * @return the latest published comments, newest first
	 */
	public List<Comment> latestPublished(@Nullable String slug, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from comment c where c.status = 'PUBLISHED'"
					+ ((slug != null) ? " and c.post_slug = :slug" : "")
					+ " order by c.created_at desc, c.id desc limit :limit")
			.paramSource((slug != null) ? Map.of("slug", slug, "limit", limit) : Map.of("limit", limit))
			.query(CommentRepository::comment)
			.list();
	}

	/**
	 * @return the published comment on the post written at that time (to the
	 * millisecond), if any
	 */
	Optional<Comment> writtenAt(String slug, Instant from, Instant to) {
		return this.jdbc.sql("select " + COLUMNS + " from comment c where c.post_slug = :slug"
				+ " and c.created_at >= :from and c.created_at < :to and c.status = 'PUBLISHED' order by c.id limit 1")
			.param("slug", slug)
			.param("from", utc(from))
			.param("to", utc(to))
			.query(CommentRepository::comment)
			.optional();
	}

	// The editor's desk

	public Optional<DeskRow> findForDesk(long id) {
		return this.jdbc
			.sql("select " + DESK_COLUMNS + ", " + OPEN_REPORTS + " as open_reports from comment c"
					+ " where c.id = :id")
			.param("id", id)
			.query(CommentRepository::deskRow)
			.optional();
	}

	/**
	 * @param listing which comments, in which order
	 * @param search words that the name or the text must hold, or blank
	 * @return one page of them
	 */
	public List<DeskRow> list(Listing listing, @Nullable String search, int limit, long offset) {
		String order = switch (listing.order()) {
			case QUEUE -> " order by open_reports desc, case when c.status = 'PENDING' then 0 else 1 end,"
					+ " case when c.status = 'PENDING' then c.created_at end asc, c.created_at desc, c.id desc";
			case MOST_REPORTED -> " order by open_reports desc, c.created_at desc, c.id desc";
			case LATEST_CHANGE -> " order by coalesce(c.status_changed_at, c.created_at) desc, c.id desc";
		};
		return where("select " + DESK_COLUMNS + ", " + OPEN_REPORTS + " as open_reports", listing, search,
				order + " limit :limit offset :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(CommentRepository::deskRow)
			.list();
	}

	/**
	 * @return how many comments {@link #list} would give, over all its pages
	 */
	public long count(Listing listing, @Nullable String search) {
		return where("select count(*)", listing, search, "").query(Long.class).single();
	}

	private JdbcClient.StatementSpec where(String select, Listing listing, @Nullable String search, String tail) {
		StringBuilder sql = new StringBuilder(select).append(" from comment c where 1 = 1");
		if (listing.reportedOnly()) {
			sql.append(" and ").append(OPEN_REPORTS).append(" > 0");
		}
		if (listing.status() != null) {
			sql.append(" and c.status = :status");
		}
		String pattern = likePattern(search);
		if (pattern != null) {
			sql.append(" and (lower(c.author_name) like :pattern escape '\\'"
					+ " or lower(c.body_markdown) like :pattern escape '\\')");
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.append(tail).toString());
		if (listing.status() != null) {
			statement = statement.param("status", listing.status().name());
		}
		return (pattern != null) ? statement.param("pattern", pattern) : statement;
	}

	/**
	 * @return how many comments there are of each status
	 */
	public Map<Comment.Status, Long> countByStatus() {
		Map<Comment.Status, Long> counts = new EnumMap<>(Comment.Status.class);
		for (Comment.Status status : Comment.Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) as n from comment group by status")
			.query((RowCallbackHandler) (row) -> counts.put(Comment.Status.valueOf(row.getString("status")),
					row.getLong("n")));
		return counts;
	}

	/**
	 * @param ids comments
	 * @return the reasons readers gave in each one's open reports, oldest first (one
	 * query for a page of the desk)
	 */
	public Map<Long, List<String>> openReportReasons(Collection<Long> ids) {
		Map<Long, List<String>> reasons = new LinkedHashMap<>();
		if (ids.isEmpty()) {
			return reasons;
		}
		this.jdbc.sql("""
				select r.comment_id, r.reason from comment_report r join comment c on c.id = r.comment_id
				where r.comment_id in (:ids) and r.reason is not null
				  and (c.reviewed_at is null or r.created_at > c.reviewed_at)
				order by r.created_at, r.id""")
			.param("ids", List.copyOf(ids))
			.query((RowCallbackHandler) (row) -> reasons
				.computeIfAbsent(row.getLong("comment_id"), (id) -> new ArrayList<>())
				.add(row.getString("reason")));
		return reasons;
	}

	/**
	 * @return whether the comment had that status, and now has the other
	 */
	public boolean changeStatus(long id, Comment.Status from, Comment.Status to, @Nullable String heldReason,
			Instant now) {
		return this.jdbc.sql("""
				update comment set status = :to, status_before = :from, status_changed_at = :now, held_reason = :reason,
				  reviewed_at = :now
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("from", from.name())
			.param("now", utc(now))
			.param("reason", heldReason)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * The editor answered a comment's reports and kept it as it is.
	 * @return whether it still had that status
	 */
	public boolean markReviewed(long id, Comment.Status status, Instant now) {
		return this.jdbc.sql("update comment set reviewed_at = :now where id = :id and status = :status")
			.param("now", utc(now))
			.param("id", id)
			.param("status", status.name())
			.update() == 1;
	}

	/**
	 * Holds a published comment that readers reported, unless the editor has judged it.
	 * @return whether it was held
	 */
	public boolean holdReported(long id, String reason, Instant now) {
		return this.jdbc.sql("""
				update comment set status = 'PENDING', status_before = 'PUBLISHED', status_changed_at = :now,
				  held_reason = :reason
				where id = :id and status = 'PUBLISHED' and reviewed_at is null""")
			.param("now", utc(now))
			.param("reason", reason)
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Deletes for good the spam and deleted comments whose status changed before the
	 * given time, unless a kept comment replies to them.
	 * @return the comments purged
	 */
	public List<Comment> purge(Instant before) {
		List<Comment> purged = this.jdbc
			.sql("select " + COLUMNS + " from comment c"
					+ " where c.status in ('SPAM', 'DELETED') and c.status_changed_at < :before"
					+ " and not exists (select 1 from comment r where r.parent_id = c.id"
					+ " and r.status not in ('SPAM', 'DELETED'))")
			.param("before", utc(before))
			.query(CommentRepository::comment)
			.list();
		for (Comment comment : purged) {
			this.jdbc.sql("delete from comment where parent_id = :id and status in ('SPAM', 'DELETED')")
				.param("id", comment.id())
				.update();
			this.jdbc.sql("delete from comment where id = :id").param("id", comment.id()).update();
		}
		return purged;
	}

	// The archive

	/**
	 * @return every comment, whatever its status, oldest first, with all that is kept of
	 * it
	 */
	public List<Stored> all() {
		return this.jdbc
			.sql("select " + DESK_COLUMNS + ", 0 as open_reports, c.origin, c.delete_token_hash from comment c"
					+ " order by c.id")
			.query((row, number) -> new Stored(deskRow(row, number), row.getString("origin"),
					row.getString("delete_token_hash")))
			.list();
	}

	/**
	 * @return the comment that came from that origin, if one did
	 */
	public Optional<Long> idByOrigin(String origin) {
		return this.jdbc.sql("select id from comment where origin = :origin")
			.param("origin", origin)
			.query(Long.class)
			.optional();
	}

	/**
	 * @return a comment on the post with the same time, name and text, if there is one
	 */
	public Optional<Long> idOfSame(String slug, Instant created, String name, String text) {
		return this.jdbc.sql("""
				select id from comment where post_slug = :slug and created_at = :created and author_name = :name
				  and body_hash = :hash order by id limit 1""")
			.param("slug", slug)
			.param("created", utc(created))
			.param("name", name)
			.param("hash", Hashes.sha256(text))
			.query(Long.class)
			.optional();
	}

	/**
	 * Stores a comment from an archive as it was kept there.
	 * @return its id here
	 */
	public long insertImported(Stored comment) {
		Comment c = comment.row().comment();
		DeskRow row = comment.row();
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, held_reason,
				  created_at, client_hash, body_hash, delete_token_hash, status_changed_at, status_before, origin)
				values (:slug, :parent, :name, :text, :html, :status, :reason, :created, 'import', :hash, :deleteKey,
				  :changed, :before, :origin)""")
			.param("slug", c.postSlug())
			.param("parent", c.parentId())
			.param("name", c.authorName())
			.param("text", c.bodyMarkdown())
			.param("html", c.bodyHtml())
			.param("status", c.status().name())
			.param("reason", (c.status() == Comment.Status.PENDING) ? row.heldReason() : null)
			.param("created", utc(c.createdAt()))
			.param("hash", Hashes.sha256(c.bodyMarkdown()))
			.param("changed", (row.statusChangedAt() != null) ? utc(row.statusChangedAt()) : null)
			.param("before", (row.statusBefore() != null) ? row.statusBefore().name() : null)
			.param("origin", comment.origin())
			.param("deleteKey", (comment.deleteKeyHash() != null) ? comment.deleteKeyHash() : "import")
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	private static @Nullable String likePattern(@Nullable String search) {
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

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		return row.getObject(column, OffsetDateTime.class).toInstant();
	}

	private static @Nullable Instant optionalInstant(ResultSet row, String column) throws SQLException {
		OffsetDateTime time = row.getObject(column, OffsetDateTime.class);
		return (time != null) ? time.toInstant() : null;
	}

	private static Comment comment(ResultSet row, int number) throws SQLException {
		long parent = row.getLong("parent_id");
		@Nullable Long parentId = row.wasNull() ? null : parent;
		return new Comment(row.getLong("id"), row.getString("post_slug"), parentId, row.getString("author_name"),
				row.getString("body_markdown"), row.getString("body_html"),
				Comment.Status.valueOf(row.getString("status")), instant(row, "created_at"),
				optionalInstant(row, "edited_at"));
	}

	private static DeskRow deskRow(ResultSet row, int number) throws SQLException {
		String before = row.getString("status_before");
		return new DeskRow(comment(row, number), row.getString("held_reason"),
				optionalInstant(row, "status_changed_at"), (before != null) ? Comment.Status.valueOf(before) : null,
				row.getInt("open_reports"));
	}

	/**
	 * A comment about to be stored.
	 */
	record NewComment(String postSlug, @Nullable Long parentId, String authorName, String bodyMarkdown, String bodyHtml,
			Comment.Status status, @Nullable String heldReason, Instant createdAt, String clientHash, String bodyHash,
			String deleteTokenHash) {
	}

	/**
	 * Which comments the desk lists, and in which order.
	 *
	 * @param status only those of this status, or any
	 * @param reportedOnly only those with open reports
	 * @param order their order
	 */
	public record Listing(Comment.@Nullable Status status, boolean reportedOnly, Order order) {

		/**
		 * The desk's orders.
		 */
		public enum Order {

			/**
			 * open reports first (most first), then held ones as they came, then the
			 * newest
			 */
			QUEUE,
			/** most reported first, then the newest */
			MOST_REPORTED,
			/** the latest change of status (or the newest) first */
			LATEST_CHANGE

		}

	}

	/**
	 * A comment as the desk sees it.
	 *
	 * @param comment the comment
	 * @param heldReason why it is held, while it is
	 * @param statusChangedAt when the editor or its writer last changed its status
	 * @param statusBefore the status it had before
	 * @param openReports how many readers reported it since the editor last acted on it
	 */
	public record DeskRow(Comment comment, @Nullable String heldReason, @Nullable Instant statusChangedAt,
			Comment.@Nullable Status statusBefore, int openReports) {
	}

	/**
	 * A comment with all that is kept of it, as an archive holds it.
	 *
	 * @param row the comment and its status history
	 * @param origin where it was imported from, if it was
	 * @param deleteKeyHash the hash of its private delete key ({@code import} when it has
	 * none)
	 */
	public record Stored(DeskRow row, @Nullable String origin, @Nullable String deleteKeyHash) {
	}

}
