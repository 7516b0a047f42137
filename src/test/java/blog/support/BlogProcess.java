package blog.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged jar in a process of its own, as users run it (with the memory options of
 * the README's production start and the systemd unit), its output in a log file.
 */
public final class BlogProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Jetty started on port (\\d+)");

	private final Process process;

	private final int port;

	private final Path log;

	private BlogProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar and waits until Jetty listens.
	 * @param log where its output goes
	 * @param arguments the blog's arguments, such as {@code --server.port=0}
	 * @return the running blog
	 * @throws Exception when it cannot be started, with its log
	 */
	public static BlogProcess start(Path log, String... arguments) throws Exception {
		return launch(log, arguments).started();
	}

	/**
	 * Starts the jar without waiting, so that several can start at once; then
	 * {@link Starting#started()}.
	 * @param log where its output goes
	 * @param arguments the blog's arguments
	 * @return the starting blog
	 * @throws Exception when the process cannot be made
	 */
	public static Starting launch(Path log, String... arguments) throws Exception {
		Path jar = Path.of(System.getProperty("blog.jar", "target/opinion-blog.jar"));
		assertThat(jar).as("the packaged jar (run mvn verify)").exists();
		Files.createDirectories(log.getParent());
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
				"@deploy/jvm.options", "-jar", jar.toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		return new Starting(process, log);
	}

	/**
	 * @return the port Jetty listens on
	 */
	public int port() {
		return this.port;
	}

	/**
	 * @return its output so far
	 * @throws IOException when the log cannot be read
	 */
	public String log() throws IOException {
		return Files.readString(this.log);
	}

	/**
	 * @return the process
	 */
	public Process process() {
		return this.process;
	}

	/**
	 * Ends it with SIGKILL, as a crash or the OOM killer would.
	 * @throws InterruptedException when interrupted while waiting
	 */
	public void kill() throws InterruptedException {
		this.process.destroyForcibly();
		assertThat(this.process.waitFor(30, TimeUnit.SECONDS)).as("killed").isTrue();
	}

	/**
	 * Stops it with SIGTERM, as systemd does, and waits for it to exit.
	 * @return its exit status (143 after a graceful stop)
	 * @throws InterruptedException when interrupted while waiting
	 */
	public int stop() throws InterruptedException {
		this.process.destroy();
		assertThat(this.process.waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute, see " + this.log).isTrue();
		return this.process.exitValue();
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroyForcibly();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	/**
	 * A blog whose process has been made, on its way to listening.
	 *
	 * @param process the process
	 * @param log where its output goes
	 */
	public record Starting(Process process, Path log) {

		/**
		 * @return the blog, once Jetty listens
		 * @throws Exception when it stops or does not start within a minute, with its log
		 */
		public BlogProcess started() throws Exception {
			return started(Duration.ofMinutes(1));
		}

		/**
		 * @param limit how long it may take: more than a minute where it starts beside a
		 * load that shares the machine's cores
		 * @return the blog, once Jetty listens
		 * @throws Exception when it stops or does not start in time, with its log and, if
		 * it still runs, its threads
		 */
		public BlogProcess started(Duration limit) throws Exception {
			long deadline = System.nanoTime() + limit.toNanos();
			while (System.nanoTime() < deadline) {
				Matcher started = STARTED.matcher(Files.readString(this.log));
				if (started.find()) {
					return new BlogProcess(this.process, Integer.parseInt(started.group(1)), this.log);
				}
				if (!this.process.isAlive()) {
					break;
				}
				Thread.sleep(50);
			}
			String threads = this.process.isAlive() ? threads() : "";
			this.process.destroyForcibly();
			throw new AssertionError("the blog did not start:\n" + Files.readString(this.log) + threads);
		}

		/** where a start that hangs is stuck: its threads, from the JDK's jcmd */
		private String threads() {
			try {
				Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
				Process dump = new ProcessBuilder(jcmd.toString(), Long.toString(this.process.pid()), "Thread.print")
					.redirectErrorStream(true)
					.start();
				String out = new String(dump.getInputStream().readAllBytes());
				dump.waitFor(30, TimeUnit.SECONDS);
				return "\nIts threads, still starting:\n" + out;
			}
			catch (IOException ex) {
				return "\n(no thread dump: " + ex + ")";
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return "";
			}
		}

	}

}
