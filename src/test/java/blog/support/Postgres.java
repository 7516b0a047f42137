package blog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server from Debian's {@code postgresql} package, started by the tests
 * themselves: {@code initdb} in a temporary folder, on a free loopback port, as the
 * {@code postgres} user when the tests run as root (PostgreSQL refuses root), once per
 * JVM, stopped by its pid when the JVM ends. Without the package the tests that need it
 * are skipped with a message, and fail under {@code CI=true}.
 */
public final class Postgres {

	private static final AtomicInteger databases = new AtomicInteger();

	private static Postgres server;

	private final Path bin;

	private final Path dir;

	private final int port;

	private Postgres(Path bin, Path dir, int port) {
		this.bin = bin;
		this.dir = dir;
		this.port = port;
	}

	/**
	 * @return a new, empty database on the running server (started on first use)
	 */
	public static synchronized String newDatabase() {
		if (server == null) {
			server = start();
		}
		String name = "blog_" + ProcessHandle.current().pid() + "_" + databases.incrementAndGet();
		try (Connection connection = DriverManager.getConnection(server.url("postgres"), "blog", "");
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create a database", ex);
		}
		return server.url(name);
	}

	/**
	 * @return the user the tests connect as (trusted on loopback: no password)
	 */
	public static String user() {
		return "blog";
	}

	/**
	 * @return the server's version, as {@code postgres --version} says it
	 */
	public static String version() {
		return (server != null) ? server.run(server.bin.resolve("postgres").toString(), "--version").strip() : "";
	}

	private String url(String database) {
		return "jdbc:postgresql://127.0.0.1:" + this.port + "/" + database;
	}

	private static Postgres start() {
		Optional<Path> bin = installed();
		if (bin.isEmpty()) {
			Required.missing(
					"PostgreSQL is not installed (Debian package postgresql): the tests on PostgreSQL are skipped");
		}
		try {
			Path dir = Files.createTempDirectory("blog-postgres-");
			Postgres postgres = new Postgres(bin.get(), dir, Loopback.freePort());
			if (root()) {
				postgres.run("chown", "postgres:postgres", dir.toString());
			}
			postgres.run(bin.get().resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "blog",
					"--auth=trust", "-E", "UTF8", "--locale=C");
			postgres.run(bin.get().resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-l",
					dir.resolve("log").toString(), "-w", "-t", "60", "-o",
					"-p " + postgres.port + " -h 127.0.0.1 -k " + dir + " -c fsync=off -c max_connections=200",
					"start");
			Runtime.getRuntime().addShutdownHook(new Thread(postgres::stop));
			return postgres;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** stops the server; if pg_ctl cannot, kills it by the pid it wrote */
	private void stop() {
		Path data = this.dir.resolve("data");
		try {
			run(this.bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
		}
		catch (RuntimeException ex) {
			try {
				long pid = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
				ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
			}
			catch (IOException | RuntimeException ignored) {
				// gone already
			}
		}
		try (Stream<Path> files = Files.walk(this.dir)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ignored) {
			// a temporary folder
		}
	}

	private String run(String... command) {
		List<String> line = new ArrayList<>();
		if (root() && !"chown".equals(command[0])) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		try {
			Path output = Files.createTempFile("postgres-", ".out");
			Process process = new ProcessBuilder(line).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + line);
			}
			String text = Files.readString(output);
			Files.delete(output);
			if (process.exitValue() != 0) {
				throw new IllegalStateException(line + " failed: " + text);
			}
			return text;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static boolean root() {
		return "root".equals(System.getProperty("user.name"));
	}

	private static Optional<Path> installed() {
		Path versions = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(versions)) {
			return Optional.empty();
		}
		try (Stream<Path> dirs = Files.list(versions)) {
			return dirs.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
				.max(Comparator.comparing(Path::toString));
		}
		catch (IOException ex) {
			return Optional.empty();
		}
	}

}
