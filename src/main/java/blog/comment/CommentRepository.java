package blog.comment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The {@code comment} table, in SQL that H2 and PostgreSQL both run.
 */
@Repository
class CommentRepository {

	private static final String COLUMNS = "id, post_slug, parent_id, author_name, body_markdown, body_html, status, created_at";

	private final JdbcClient jdbc;

	CommentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

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
	 * @return the post's published comments and the deleted ones (which may stand in for
	 * a thread's removed head), oldest first
	 */
	List<Comment> publishedAndDeleted(String slug) {
		return this.jdbc.sql("select " + COLUMNS + """
				 from comment where post_slug = :slug and status in ('PUBLISHED', 'DELETED')
				order by created_at, id""").param("slug", slug).query(CommentRepository::comment).list();
	}

	/**
	 * @return the post's thread heads that readers see, in the order of
	 * {@link #publishedAndDeleted}: published top-level comments, and deleted ones that
	 * keep published replies
	 */
	List<ThreadIndex.Head> shownHeads(String slug) {
		return this.jdbc.sql("""
				select h.id, h.created_at from comment h where h.post_slug = :slug and h.parent_id is null
				  and (h.status = 'PUBLISHED' or (h.status = 'DELETED'
				    and exists (select 1 from comment r where r.parent_id = h.id and r.status = 'PUBLISHED')))
				order by h.created_at, h.id""")
			.param("slug", slug)
			.query((row, number) -> new ThreadIndex.Head(row.getObject("created_at", OffsetDateTime.class).toInstant(),
					row.getLong("id")))
			.list();
	}

	/**
	 * @return whether a comment has published replies
	 */
	boolean hasPublishedReplies(long id) {
		return this.jdbc.sql("select count(*) from comment where parent_id = :id and status = 'PUBLISHED'")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	Optional<Comment> find(long id) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where id = :id")
			.param("id", id)
			.query(CommentRepository::comment)
			.optional();
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
			.filter((stored) -> Keys.equal(stored, tokenHash))
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
	List<Comment> latestPublished(@Nullable String slug, int limit) {
		return this.jdbc.sql("select " + COLUMNS + " from comment where status = 'PUBLISHED'"
				+ ((slug != null) ? " and post_slug = :slug" : "") + " order by created_at desc, id desc limit :limit")
			.paramSource((slug != null) ? Map.of("slug", slug, "limit", limit) : Map.of("limit", limit))
			.query(CommentRepository::comment)
			.list();
	}

	/**
	 * @return the comment on the post written at that time (to the millisecond), if any
	 */
	Optional<Comment> writtenAt(String slug, Instant from, Instant to) {
		return this.jdbc
			.sql("select " + COLUMNS + " from comment where post_slug = :slug"
					+ " and created_at >= :from and created_at < :to and status = 'PUBLISHED' order by id limit 1")
			.param("slug", slug)
			.param("from", utc(from))
			.param("to", utc(to))
			.query(CommentRepository::comment)
			.optional();
	}

	long count(String slug, Comment.Status status) {
		return this.jdbc.sql("select count(*) from comment where post_slug = :slug and status = :status")
			.param("slug", slug)
			.param("status", status.name())
			.query(Long.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static Comment comment(ResultSet row, int number) throws SQLException {
		long parent = row.getLong("parent_id");
		@Nullable Long parentId = row.wasNull() ? null : parent;
		return new Comment(row.getLong("id"), row.getString("post_slug"), parentId, row.getString("author_name"),
				row.getString("body_markdown"), row.getString("body_html"),
				Comment.Status.valueOf(row.getString("status")),
				row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/**
	 * A comment about to be stored.
	 */
	record NewComment(String postSlug, @Nullable Long parentId, String authorName, String bodyMarkdown, String bodyHtml,
			Comment.Status status, @Nullable String heldReason, Instant createdAt, String clientHash, String bodyHash,
			String deleteTokenHash) {
	}

}
