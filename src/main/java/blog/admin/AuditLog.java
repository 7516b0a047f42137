package blog.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every editor action, kept: who, what, which comment, when; and logged, one line each.
 */
@Repository
class AuditLog {

	private static final Logger events = LoggerFactory.getLogger(AuditLog.class);

	private final JdbcClient jdbc;

	AuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void record(Instant at, String editor, String action, @Nullable Long commentId, @Nullable String detail) {
		this.jdbc.sql("""
				insert into audit_event (at, editor, action, comment_id, detail)
				values (:at, :editor, :action, :comment, :detail)""")
			.param("at", at.atOffset(ZoneOffset.UTC))
			.param("editor", editor)
			.param("action", action)
			.param("comment", commentId)
			.param("detail", (detail != null && detail.length() > 400) ? detail.substring(0, 400) : detail)
			.update();
		// one log line per admin action, as in the table: no comment's text, no address
		events.atInfo()
			.setMessage(() -> "Editor action: " + editor + " " + action + ((commentId != null) ? " #" + commentId : "")
					+ ((detail != null) ? " (" + detail + ")" : ""))
			.addKeyValue("event", "desk.action")
			.addKeyValue("editor", editor)
			.addKeyValue("action", action)
			.addKeyValue("comment", commentId)
			.log();
	}

	/**
	 * @param limit how many
	 * @return the latest events, newest first
	 */
	List<Event> latest(int limit) {
		return this.jdbc
			.sql("select id, at, editor, action, comment_id, detail from audit_event order by id desc limit :limit")
			.param("limit", limit)
			.query((row, number) -> {
				long comment = row.getLong("comment_id");
				return new Event(row.getLong("id"), row.getObject("at", OffsetDateTime.class).toInstant(),
						row.getString("editor"), row.getString("action"), row.wasNull() ? null : comment,
						row.getString("detail"));
			})
			.list();
	}

	/**
	 * One action.
	 *
	 * @param id its number
	 * @param at when
	 * @param editor who
	 * @param action what
	 * @param commentId which comment, if one
	 * @param detail more, such as the status before and after
	 */
	record Event(long id, Instant at, String editor, String action, @Nullable Long commentId, @Nullable String detail) {
	}

}
