package blog.mail;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the desk's mail page reads of the outbox: its latest mails, without their
 * addresses, and how many it holds in each status.
 */
@Repository
class OutboxReport {

	private final JdbcClient jdbc;

	OutboxReport(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @return the outbox's latest mails, newest first, without their addresses
	 */
	List<MailDesk.Sending> latest(Outbox.@Nullable Status status, int limit) {
		return this.jdbc
			.sql("""
					select id, kind, about, status, attempts, created_at, sent_at, next_attempt_at, last_error from mail_outbox
					where (:status = '' or status = :status) order by id desc limit :limit""")
			.param("status", (status != null) ? status.name() : "")
			.param("limit", limit)
			.query((row, n) -> new MailDesk.Sending(row.getLong("id"), row.getString("kind"), row.getString("about"),
					row.getString("status"), row.getInt("attempts"), Rows.instant(row, "created_at"),
					Rows.optionalInstant(row, "sent_at"), Rows.instant(row, "next_attempt_at"),
					row.getString("last_error")))
			.list();
	}

	/**
	 * @return how many mails the outbox holds in each status
	 */
	Map<Outbox.Status, Long> counts() {
		Map<Outbox.Status, Long> counts = new EnumMap<>(Outbox.Status.class);
		for (Outbox.Status status : Outbox.Status.values()) {
			counts.put(status, 0L);
		}
		this.jdbc.sql("select status, count(*) as n from mail_outbox group by status")
			.query((row, n) -> counts.put(Outbox.Status.valueOf(row.getString("status")), row.getLong("n")))
			.list();
		return counts;
	}

}
