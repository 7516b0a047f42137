package blog.comment.moderation;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import blog.support.BlogTest;
import blog.support.Fixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of the desk reads its comments' report reasons with one query, however many
 * reported comments it shows (counted by H2's own query statistics).
 */
@BlogTest
class DeskQueriesTests {

	@Autowired
	Moderation moderation;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@AfterEach
	void stopCounting() {
		this.jdbc.sql("set query_statistics false").update();
	}

	@Test
	void reasonsOfAPageShouldBeReadWithOneQuery() {
		String run = UUID.randomUUID().toString();
		for (int i = 0; i < 12; i++) {
			long id = reported("reported " + i + " " + run);
			report(id, "reason " + i + " of " + run);
			report(id, "another of " + run);
		}
		this.jdbc.sql("set query_statistics true").update();
		List<Moderation.Item> items = this.moderation.list(Moderation.Filter.REPORTED, run, 1);
		assertThat(items).hasSize(12)
			.allSatisfy((item) -> assertThat(item.reasons()).hasSize(2).allMatch((reason) -> reason.endsWith(run)));
		List<Long> executions = this.jdbc
			.sql("select execution_count from information_schema.query_statistics"
					+ " where lower(sql_statement) like '%from comment_report r join comment c%'")
			.query(Long.class)
			.list();
		assertThat(executions).as("the reasons' query, run once for the whole page").containsExactly(1L);
	}

	private long reported(String text) {
		return Fixtures.publishedComment(this.jdbc, this.events, text);
	}

	private void report(long id, String reason) {
		this.jdbc.sql("""
				insert into comment_report (comment_id, client_hash, reason, created_at)
				values (:id, :client, :reason, :now)""")
			.param("id", id)
			.param("client", UUID.randomUUID().toString())
			.param("reason", reason)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

}
