package blog.comment;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.SocketFactory;

import blog.support.BlogProcess;
import blog.support.Commenters;
import blog.support.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, as users run it, with eight clients commenting as fast as they can:
 * killed with SIGKILL mid-load three times, then stopped with SIGTERM. Every comment it
 * answered 303 for is in the database afterwards, with its text.
 */
class CommentDurabilityIT {

	static final int CLIENTS = 8;

	static final int KILLS = 3;

	@TempDir
	Path data;

	@Test
	void everyAcknowledgedCommentShouldSurviveKillAndStop() throws Exception {
		Map<Long, String> acknowledged = new ConcurrentHashMap<>();
		for (int round = 1; round <= KILLS + 1; round++) {
			boolean kill = round <= KILLS;
			try (BlogProcess blog = BlogProcess.start(Path.of("target", "durability-it", "blog-" + round + ".log"),
					"--server.port=0", "--blog.data-dir=" + this.data.toAbsolutePath(),
					"--blog.content-dir=" + TestContent.REAL.toAbsolutePath(), "--blog.comments.moderation=off",
					"--blog.comments.min-fill-time=0s", "--blog.comments.rate-limit.per-minute=1000000",
					"--blog.comments.rate-limit.per-day=1000000")) {
				Commenters load = new Commenters(SocketFactory.getDefault(), blog.port(), acknowledged,
						"round " + round, false);
				load.start(CLIENTS);
				assertThat(load.shownBefore()).as("comments shown after the restart")
					.isGreaterThanOrEqualTo(acknowledged.size());
				load.awaitMore(40, Duration.ofSeconds(30));
				load.stopping();
				if (kill) {
					blog.kill();
				}
				else {
					assertThat(blog.stop()).as("exit after SIGTERM").isIn(0, 143);
				}
				load.stop();
				assertThat(load.unexpected()).as("answers other than 303").isEmpty();
				System.out.printf("round %d: %s mid-load, %d comments acknowledged, %d sends cut off%n", round,
						kill ? "SIGKILL" : "SIGTERM", load.acknowledged(), load.cutOff());
			}
		}
		Map<Long, String> stored = stored(this.data);
		long found = acknowledged.entrySet()
			.stream()
			.filter((comment) -> comment.getValue().equals(stored.get(comment.getKey())))
			.count();
		System.out.printf("acknowledged %d, found %d of them; %d stored in all%n", acknowledged.size(), found,
				stored.size());
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(40 * (KILLS + 1));
		for (Map.Entry<Long, String> comment : acknowledged.entrySet()) {
			assertThat(stored).as("acknowledged comment %d", comment.getKey())
				.containsEntry(comment.getKey(), comment.getValue());
		}
	}

	private static Map<Long, String> stored(Path data) throws Exception {
		Map<Long, String> stored = new HashMap<>();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.toAbsolutePath() + "/blog",
				"sa", "");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select id, body_markdown from comment")) {
			while (rows.next()) {
				stored.put(rows.getLong(1), rows.getString(2));
			}
		}
		return stored;
	}

}
