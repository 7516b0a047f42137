package blog.comment;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import blog.support.Http;
import blog.support.RawHttp;
import blog.support.TestContent;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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

	static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path data;

	@Test
	void everyAcknowledgedCommentShouldSurviveKillAndStop() throws Exception {
		Map<Long, String> acknowledged = new ConcurrentHashMap<>();
		for (int round = 1; round <= KILLS + 1; round++) {
			boolean kill = round <= KILLS;
			try (Blog blog = Blog.start(this.data, round)) {
				Load load = new Load(blog.port, acknowledged, round);
				load.start();
				assertThat(load.shownBefore).as("comments shown after the restart")
					.isGreaterThanOrEqualTo(acknowledged.size());
				load.awaitAtLeast(40, Duration.ofSeconds(30));
				load.stopping.set(true);
				if (kill) {
					blog.process.destroyForcibly();
				}
				else {
					blog.process.destroy();
				}
				assertThat(blog.process.waitFor(30, TimeUnit.SECONDS)).as("stopped").isTrue();
				load.stop();
				assertThat(load.unexpected).as("answers other than 303").isEmpty();
				System.out.printf("round %d: %s mid-load, %d comments acknowledged, %d sends cut off%n", round,
						kill ? "SIGKILL" : "SIGTERM", load.acknowledged.get(), load.cutOff.get());
				if (!kill) {
					assertThat(blog.process.exitValue()).as("exit after SIGTERM").isIn(0, 143);
				}
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

	/**
	 * The packaged jar in its own process, on a port of its choosing.
	 */
	static final class Blog implements AutoCloseable {

		final Process process;

		final int port;

		private Blog(Process process, int port) {
			this.process = process;
			this.port = port;
		}

		static Blog start(Path data, int round) throws Exception {
			Path jar = Path.of(System.getProperty("blog.jar", "target/opinion-blog.jar"));
			assertThat(jar).as("the packaged jar (run mvn verify)").exists();
			Path log = Files.createDirectories(Path.of("target", "durability-it")).resolve("blog-" + round + ".log");
			String java = ProcessHandle.current().info().command().orElse("java");
			Process process = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=0",
					"--blog.data-dir=" + data.toAbsolutePath(),
					"--blog.content-dir=" + TestContent.REAL.toAbsolutePath(), "--blog.comments.moderation=off",
					"--blog.comments.min-fill-time=0s", "--blog.comments.rate-limit.per-minute=1000000",
					"--blog.comments.rate-limit.per-day=1000000")
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			while (System.nanoTime() < deadline) {
				Matcher started = STARTED.matcher(Files.readString(log));
				if (started.find()) {
					return new Blog(process, Integer.parseInt(started.group(1)));
				}
				if (!process.isAlive()) {
					break;
				}
				Thread.sleep(50);
			}
			process.destroyForcibly();
			throw new AssertionError("the blog did not start:\n" + Files.readString(log));
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroyForcibly();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

	/**
	 * Clients from their own loopback addresses, each sending comments one after another
	 * until the blog stops answering or the test stops them.
	 */
	static final class Load {

		final AtomicInteger acknowledged = new AtomicInteger();

		final AtomicInteger cutOff = new AtomicInteger();

		/** the comment count the page showed before the load began */
		int shownBefore;

		final List<String> unexpected = new CopyOnWriteArrayList<>();

		private final AtomicBoolean running = new AtomicBoolean(true);

		/** set just before the blog is stopped: sends under way may then be cut off */
		final AtomicBoolean stopping = new AtomicBoolean();

		private final List<Thread> threads = new ArrayList<>();

		private final int port;

		private final Map<Long, String> ledger;

		private final int round;

		Load(int port, Map<Long, String> ledger, int round) {
			this.port = port;
			this.ledger = ledger;
			this.round = round;
		}

		void start() {
			Document page = Jsoup.parse(new Http(this.port).get(TestContent.ESSAY_PATH).body());
			String heading = page.selectFirst("#comments-title").text();
			this.shownBefore = heading.matches("\\d+ comments?") ? Integer.parseInt(heading.split(" ")[0]) : 0;
			String token = page.selectFirst("form#comment-form input[name=token]").val();
			for (int client = 0; client < CLIENTS; client++) {
				int number = client;
				Thread thread = new Thread(() -> send(number, token), "client-" + client);
				this.threads.add(thread);
				thread.start();
			}
		}

		private void send(int client, String token) {
			InetAddress from;
			try {
				from = InetAddress.getByName("127.0.0." + (client + 2));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			for (int i = 0; this.running.get(); i++) {
				String text = "round " + this.round + ", client " + client + ", comment " + i;
				try {
					RawHttp.Answer answer = RawHttp.post(from, this.port, Reader.COMMENTS,
							Reader.encode(Map.of("name", "Client " + client, "body", text, "token", token)));
					if (answer.status() == 303) {
						String location = answer.header("Location").orElseThrow();
						this.ledger.put(Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1")), text);
						this.acknowledged.incrementAndGet();
					}
					else if (this.stopping.get() && answer.status() == 400
							&& answer.text().contains("<title>Request not understood</title>")) {
						// Tomcat itself (not the blog) refused a request whose body it
						// could
						// no longer read while shutting down: not acknowledged, so cut
						// off
						this.cutOff.incrementAndGet();
						return;
					}
					else {
						this.unexpected.add(answer.text());
						return;
					}
				}
				catch (IOException ex) {
					// the blog was stopped under this request: it was never acknowledged
					this.cutOff.incrementAndGet();
					return;
				}
			}
		}

		void awaitAtLeast(int comments, Duration limit) throws InterruptedException {
			long deadline = System.nanoTime() + limit.toNanos();
			while (this.acknowledged.get() < comments && System.nanoTime() < deadline) {
				Thread.sleep(10);
			}
			assertThat(this.acknowledged.get()).as("comments acknowledged before the stop")
				.isGreaterThanOrEqualTo(comments);
		}

		void stop() throws InterruptedException {
			this.running.set(false);
			for (Thread thread : this.threads) {
				thread.join(30_000);
			}
		}

	}

}
