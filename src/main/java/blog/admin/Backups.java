package blog.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import blog.system.BlogProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Backups of the embedded H2 database while the blog runs: H2's {@code BACKUP TO} writes
 * a consistent copy of the database file into a zip under {@code <data-dir>/backups/}. To
 * restore, stop the blog and unzip one into an empty data folder. On PostgreSQL there is
 * nothing to do here: {@code pg_dump} is the tool.
 */
@Service
class Backups {

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
		.withZone(ZoneOffset.UTC);

	/** the names backups get, and the only names served */
	static final Pattern NAME = Pattern.compile("blog-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z(-\\d+)?\\.zip");

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final Path folder;

	private final Clock clock;

	/** whether the database is H2, once known */
	private volatile @Nullable Boolean h2;

	Backups(JdbcClient jdbc, DataSource dataSource, BlogProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
		this.folder = properties.dataDir().resolve("backups");
		this.clock = clock;
	}

	/**
	 * @return whether the database is H2 (the only one backed up here)
	 */
	boolean supported() {
		Boolean h2 = this.h2;
		if (h2 == null) {
			try (Connection connection = this.dataSource.getConnection()) {
				h2 = connection.getMetaData().getDatabaseProductName().startsWith("H2");
			}
			catch (SQLException ex) {
				return false; // asked again next time
			}
			this.h2 = h2;
		}
		return h2;
	}

	/**
	 * Writes a backup now.
	 * @return the zip written
	 * @throws IOException when the folder cannot be made
	 */
	synchronized Path backUp() throws IOException {
		if (!supported()) {
			throw new IllegalStateException("Backups here are for the embedded H2 database; on PostgreSQL use pg_dump");
		}
		Files.createDirectories(this.folder);
		String stamp = STAMP.format(this.clock.instant());
		Path target = this.folder.resolve("blog-" + stamp + ".zip");
		for (int i = 2; Files.exists(target); i++) {
			target = this.folder.resolve("blog-" + stamp + "-" + i + ".zip");
		}
		// the path is ours (data folder and a fixed pattern), never a request's
		this.jdbc.sql("backup to '" + target.toString().replace("'", "''") + "'").update();
		return target;
	}

	/**
	 * @return the backups there are, newest first
	 */
	List<Path> list() throws IOException {
		if (!Files.isDirectory(this.folder)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(this.folder)) {
			return files.filter((file) -> NAME.matcher(file.getFileName().toString()).matches())
				.sorted(Comparator.comparing((Path file) -> file.getFileName().toString()).reversed())
				.toList();
		}
	}

	/**
	 * @param name a backup's file name
	 * @return the backup, if there is one by that name
	 */
	Optional<Path> find(String name) {
		if (!NAME.matcher(name).matches()) {
			return Optional.empty();
		}
		Path file = this.folder.resolve(name);
		return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
	}

}
