package blog.support;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's nginx, run by a test on a site file from the repository: the file as it is
 * shipped, with its ports, names, paths and addresses swapped for the test's, inside a
 * minimal {@code nginx.conf} of the test's own (pid, logs and temp folders in a temp
 * folder). Each swap must find its text, so that the test breaks when the file changes
 * under it.
 */
public final class Nginx implements AutoCloseable {

	private static final Path BINARY = Path.of("/usr/sbin/nginx");

	private final Process process;

	private final Path dir;

	private final Path errors;

	private Nginx(Process process, Path dir, Path errors) {
		this.process = process;
		this.dir = dir;
		this.errors = errors;
	}

	/**
	 * Skips the test (fails it under CI) when nginx is not installed: call it before
	 * starting anything else the test needs.
	 */
	public static void require() {
		if (!Files.isExecutable(BINARY)) {
			Required.missing("nginx is not installed (Debian package nginx-light): the tests behind nginx are skipped");
		}
	}

	/**
	 * @param site the site file, such as {@code deploy/nginx/blog.conf}
	 * @param swaps text in the file and what the test puts there instead
	 * @param logs a folder for nginx's error and access logs (kept after the test)
	 * @param ports the ports the test has it listen on, to wait for
	 * @return the running nginx
	 * @throws Exception when it does not start, with its error log
	 */
	public static Nginx start(Path site, Map<String, String> swaps, Path logs, int... ports) throws Exception {
		require();
		String text = Files.readString(site);
		for (Map.Entry<String, String> swap : swaps.entrySet()) {
			assertThat(text).as("%s in %s", swap.getKey(), site).contains(swap.getKey());
			text = text.replace(swap.getKey(), swap.getValue());
		}
		// nginx started as root runs its workers as nobody: they must reach the temp
		// folders
		Path dir = Files.createTempDirectory("blog-nginx-");
		Path errors = Files.createDirectories(logs).toAbsolutePath().resolve("nginx-error.log");
		for (String log : new String[] { "nginx-error.log", "nginx-access.log", "nginx-output.log" }) {
			Files.deleteIfExists(errors.resolveSibling(log));
		}
		dir.toFile().setReadable(true, false);
		dir.toFile().setExecutable(true, false);
		Files.writeString(dir.resolve("site.conf"), text);
		Files.writeString(dir.resolve("nginx.conf"), """
				worker_processes 2;
				pid %1$s/nginx.pid;
				error_log %2$s warn;
				events { worker_connections 1024; }
				http {
				  access_log %3$s;
				  client_body_temp_path %1$s/body;
				  proxy_temp_path %1$s/proxy;
				  fastcgi_temp_path %1$s/fastcgi;
				  uwsgi_temp_path %1$s/uwsgi;
				  scgi_temp_path %1$s/scgi;
				  include %1$s/site.conf;
				}
				""".formatted(dir, errors, errors.resolveSibling("nginx-access.log")));
		Process process = new ProcessBuilder(BINARY.toString(), "-p", dir.toString(), "-e", errors.toString(), "-c",
				dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
			.redirectErrorStream(true)
			.redirectOutput(errors.resolveSibling("nginx-output.log").toFile())
			.start();
		Nginx nginx = new Nginx(process, dir, errors);
		for (int port : ports) {
			nginx.awaitListening(port);
		}
		return nginx;
	}

	private void awaitListening(int port) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (System.nanoTime() < deadline && this.process.isAlive()) {
			try (Socket socket = new Socket("127.0.0.1", port)) {
				return;
			}
			catch (IOException ex) {
				Thread.sleep(50);
			}
		}
		this.process.destroyForcibly();
		throw new AssertionError("nginx did not start:\n"
				+ Files.readString(this.errors.resolveSibling("nginx-output.log")) + "\n" + errors());
	}

	/**
	 * @return the lines of nginx's error log
	 * @throws IOException when it cannot be read
	 */
	public String errors() throws IOException {
		return Files.exists(this.errors) ? Files.readString(this.errors) : "";
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
		FileSystemUtils.deleteRecursively(this.dir.toFile());
	}

}
