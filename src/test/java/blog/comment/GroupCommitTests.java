package blog.comment;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.COMMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comments committed together: one the database refuses, in a group sent at once, comes
 * back to its writer with the text kept (503), and the others are stored.
 */
@BlogTest
class GroupCommitTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void dropTheFault() {
		this.jdbc.sql("alter table comment drop constraint if exists refuse_boom").update();
	}

	@Test
	void commentTheDatabaseRefusesShouldComeBackAndTheOthersBeStored() throws Exception {
		// a fault the database raises on one comment alone, as a full disk or a broken
		// row would
		this.jdbc.sql("alter table comment add constraint refuse_boom check (author_name <> 'Boom')").update();
		String token = new Reader(new MockWeb(this.mvc)).token();
		String run = UUID.randomUUID().toString();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Future<Reply>> answers = new ArrayList<>();
		for (int client = 0; client < 8; client++) {
			String name = (client == 3) ? "Boom" : "Writer " + client;
			InetAddress from = InetAddress.getByName("127.0.0." + (client + 20));
			answers.add(pool.submit(() -> {
				start.await();
				return new MockWeb(this.mvc).from(from.getHostAddress())
					.form(COMMENTS, Reader.encode(Map.of("name", name, "body", "group " + run, "token", token)));
			}));
		}
		start.countDown();
		for (int client = 0; client < 8; client++) {
			Reply answer = answers.get(client).get();
			if (client == 3) {
				assertThat(answer.status()).isEqualTo(503);
				String body = answer.body();
				assertThat(body).contains("could not be saved");
				assertThat(Jsoup.parse(body).selectFirst("#name").val()).isEqualTo("Boom");
				assertThat(body).contains("group " + run);
			}
			else {
				assertThat(answer.status()).as(answer.text()).isEqualTo(303);
			}
		}
		pool.shutdown();
		assertThat(this.jdbc.sql("select count(*) from comment where body_markdown = :body")
			.param("body", "group " + run)
			.query(Long.class)
			.single()).isEqualTo(7);
	}

}
