package blog.stats;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import blog.support.BlogProcess;
import blog.support.Http;
import blog.support.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar, stopped as systemd stops it (SIGTERM): the counts still in memory are
 * flushed on the way down, so a graceful stop loses none (the flush interval is set long
 * here, so that only the stop's flush can have stored them); the next start adds to them.
 * A kill -9 loses what came after the last flush: at most
 * {@code blog.stats.flush-interval}.
 */
class StatsRestartIT {

	static final String READER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko)"
			+ " Chrome/131.0.0.0 Safari/537.36";

	@TempDir
	Path data;

	@Test
	void countsFlushedAtAGracefulStopShouldSurviveTheRestart() throws Exception {
		Path content = TestContent.copyTo(this.data.resolve("content"));
		Path db = this.data.resolve("db");
		String[] arguments = { "--server.port=0", "--blog.data-dir=" + db.toAbsolutePath(),
				"--blog.content-dir=" + content.toAbsolutePath(), "--blog.stats.flush-interval=5m" };
		try (BlogProcess blog = BlogProcess.start(Path.of("target", "stats-restart-it", "blog-1.log"), arguments)) {
			Http http = new Http(blog.port());
			for (int i = 0; i < 7; i++) {
				assertThat(http.get(TestContent.ESSAY_PATH, "User-Agent", READER).statusCode()).isEqualTo(200);
			}
			assertThat(http.get("/", "User-Agent", READER).statusCode()).isEqualTo(200);
			assertThat(blog.stop()).isIn(0, 143);
		}
		assertThat(figures(db)).containsEntry("*", "8/1")
			.containsEntry(TestContent.ESSAY_PATH, "7/1")
			.containsEntry("/", "1/1");
		try (BlogProcess blog = BlogProcess.start(Path.of("target", "stats-restart-it", "blog-2.log"), arguments)) {
			Http http = new Http(blog.port());
			assertThat(http.get(TestContent.ESSAY_PATH, "User-Agent", READER).statusCode()).isEqualTo(200);
			assertThat(blog.stop()).isIn(0, 143);
		}
		// the salt of the first run is gone with it: after a restart the same reader is a
		// new visitor (README, "What is kept about readers")
		assertThat(figures(db)).containsEntry(TestContent.ESSAY_PATH, "8/2").containsEntry("*", "9/2");
	}

	private static Map<String, String> figures(Path db) throws Exception {
		Map<String, String> figures = new HashMap<>();
		try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + db.toAbsolutePath() + "/blog", "sa",
				"");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select path, views, visitors from stats_page")) {
			while (rows.next()) {
				figures.put(rows.getString(1), rows.getLong(2) + "/" + rows.getLong(3));
			}
		}
		return figures;
	}

}
