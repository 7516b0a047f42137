package blog.comment;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.COMMENTS;
import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight clients, each from its own loopback address, comment at once over HTTP; some send
 * the same comment twice, as a double click does. Every comment lands exactly once.
 */
@BlogTest
class CommentConcurrencyTests {

	static final int CLIENTS = 8;

	static final int EACH = 200;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void commentsSentAtOnceShouldEachBeStoredOnce() throws Exception {
		String run = UUID.randomUUID().toString();
		String token = new Reader(new MockWeb(this.mvc)).token();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
		List<Future<Map<Long, String>>> clients = new ArrayList<>();
		for (int client = 0; client < CLIENTS; client++) {
			clients.add(pool.submit(client(client, run, token, start)));
		}
		start.countDown();
		Map<Long, String> acknowledged = new HashMap<>();
		for (Future<Map<Long, String>> client : clients) {
			acknowledged.putAll(client.get(2, TimeUnit.MINUTES));
		}
		pool.shutdown();

		assertThat(acknowledged).hasSize(CLIENTS * EACH);
		List<Map<String, Object>> stored = this.jdbc
			.sql("select id, body_markdown from comment where body_markdown like :run")
			.param("run", "%" + run + "%")
			.query()
			.listOfRows();
		assertThat(stored).hasSize(CLIENTS * EACH);
		for (Map<String, Object> row : stored) {
			assertThat(acknowledged).containsEntry(((Number) row.get("ID")).longValue(),
					(String) row.get("BODY_MARKDOWN"));
		}
		long published = this.jdbc.sql("select count(*) from comment where post_slug = :slug and status = 'PUBLISHED'")
			.param("slug", TestContent.ESSAY_SLUG)
			.query(Long.class)
			.single();
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY).selectFirst("#comments-title").text())
			.isEqualTo(published + " comments");
	}

	private Callable<Map<Long, String>> client(int client, String run, String token, CountDownLatch start) {
		return () -> {
			InetAddress from = InetAddress.getByName("127.0.0." + (client + 2));
			Map<Long, String> mine = new LinkedHashMap<>();
			Set<String> sent = new HashSet<>();
			start.await();
			for (int i = 0; i < EACH; i++) {
				String body = "client " + client + " comment " + i + " of run " + run;
				long id = send(from, token, body);
				assertThat(sent.add(body)).isTrue();
				mine.put(id, body);
				if (i % 10 == 0) {
					assertThat(send(from, token, body)).as("a double click").isEqualTo(id);
				}
			}
			return mine;
		};
	}

	private long send(InetAddress from, String token, String body) throws Exception {
		Reply answer = new MockWeb(this.mvc).from(from.getHostAddress())
			.form(COMMENTS,
					Reader.encode(Map.of("name", "Client " + from.getHostAddress(), "body", body, "token", token)));
		assertThat(answer.status()).as(answer.text()).isEqualTo(303);
		String location = answer.header("Location").orElseThrow();
		return Long.parseLong(location.replaceAll(".*(?:posted=|#comment-)(\\d+).*", "$1"));
	}

}
