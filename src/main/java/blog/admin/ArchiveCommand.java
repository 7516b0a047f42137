package blog.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import blog.comment.archive.CommentArchive;
import blog.comment.archive.ImportException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * The export and import from the command line, on the blog's own database and settings,
 * without starting the web server:
 * {@code java -jar opinion-blog.jar export comments.json} (or {@code -} for standard
 * output) and {@code java -jar opinion-blog.jar import comments.json}. H2 keeps its file
 * for one process: while the blog runs, use the desk instead.
 * <p>
 * The application's main class only starts the application; this listener (named in
 * {@code META-INF/spring.factories}) sees the command in the arguments, starts the
 * application without a web server, runs the command once it is ready, and exits with its
 * status: 0 when done, 1 when it failed, 2 for a wrong use. Without a command it does
 * nothing.
 */
public final class ArchiveCommand implements SpringApplicationRunListener {

	private static final Set<String> COMMANDS = Set.of("export", "import");

	private static final String USAGE = """
			Usage: java -jar opinion-blog.jar export FILE   (all comments as JSON; FILE - is standard output)
			       java -jar opinion-blog.jar import FILE   (this blog's JSON export, or a Blogger export)
			Settings as for the blog, e.g. --blog.data-dir=/var/lib/blog""";

	private final @Nullable String command;

	private final String file;

	private final PrintStream out = System.out;

	private final PrintStream err = System.err;

	public ArchiveCommand(SpringApplication application, String[] args) {
		this.command = (args.length > 0 && COMMANDS.contains(args[0])) ? args[0] : null;
		this.file = (args.length > 1) ? args[1] : "";
		if (this.command != null) {
			application.setWebApplicationType(WebApplicationType.NONE);
			application.setBannerMode(Banner.Mode.OFF);
			application.setLogStartupInfo(false);
			application.setLazyInitialization(true);
			// what went wrong is said here, in one line; the export may go to standard
			// output
			application.setDefaultProperties(Map.of("logging.level.root", "off"));
		}
	}

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		if (this.command == null) {
			return;
		}
		if (this.file.isEmpty() || this.file.startsWith("--")) {
			this.err.println(USAGE);
			System.exit(2);
		}
		if ("import".equals(this.command) && !Files.isRegularFile(Path.of(this.file))) {
			this.err.println("No file to import at " + Path.of(this.file).toAbsolutePath());
			System.exit(1);
		}
	}

	@Override
	public void ready(ConfigurableApplicationContext context, Duration timeTaken) {
		if (this.command != null) {
			int status = run(context);
			Environment environment = context.getEnvironment();
			String url = environment.getProperty("spring.datasource.url", "");
			String user = environment.getProperty("spring.datasource.username", "sa");
			String password = environment.getProperty("spring.datasource.password", "");
			context.close();
			if (status == 0 && "import".equals(this.command) && url.startsWith("jdbc:h2:file:")) {
				compact(url, user, password);
			}
			System.exit(status);
		}
	}

	/**
	 * H2 writes an import's one large transaction out as it goes and keeps the pages it
	 * replaced in its file (1.4 GB after 100,000 comments, 36 MB of them used); with the
	 * blog stopped, the file is written anew with only what is used.
	 */
	private void compact(String url, String user, String password) {
		try (Connection connection = DriverManager.getConnection(url, user, password);
				Statement statement = connection.createStatement()) {
			statement.execute("SHUTDOWN COMPACT");
		}
		catch (SQLException ex) {
			// the import is committed: a file left larger than it needs to be loses
			// nothing
			this.err.println("The import is stored; the database file could not be made smaller: " + ex.getMessage());
		}
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.command != null) {
			this.err.println(inUse(exception)
					? "The blog's database is in use by a running blog: stop it first, or use the editor's desk"
							+ " (/admin/archive) while it runs."
					: "The blog could not start to " + this.command + ": " + rootMessage(exception));
			System.exit(1);
		}
	}

	private int run(ConfigurableApplicationContext context) {
		try {
			CommentArchive archive = context.getBean(CommentArchive.class);
			AuditLog audit = context.getBean(AuditLog.class);
			if ("export".equals(this.command)) {
				int count = export(archive);
				audit.record(Instant.now(), "(command line)", "export", null, count + " comments as JSON");
				if (!"-".equals(this.file)) {
					this.out.println("Exported " + count + " comments to " + Path.of(this.file).toAbsolutePath());
				}
			}
			else {
				String name = Path.of(this.file).getFileName().toString();
				CommentArchive.Result result = archive.importFile(Files.readAllBytes(Path.of(this.file)));
				audit.record(Instant.now(), "(command line)", "import", null,
						name + ": " + result.added() + " added, " + result.alreadyHere() + " already here");
				// English whatever the machine's locale, as the command's other lines are
				this.out.println(ArchiveController.said(context, Locale.ENGLISH, name, result));
			}
			return 0;
		}
		catch (ImportException ex) {
			this.err.println("Nothing was imported from " + this.file + ". " + ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			this.err.println("Could not " + this.command + " " + this.file + ": " + rootMessage(ex));
			return 1;
		}
	}

	/** writes to a file beside the target, then moves it in place: never half a file */
	private int export(CommentArchive archive) throws IOException {
		if ("-".equals(this.file)) {
			int count = archive.export(this.out);
			this.out.flush();
			return count;
		}
		Path target = Path.of(this.file).toAbsolutePath();
		Path partial = Files.createTempFile(target.getParent(), ".export-", ".json");
		try {
			int count;
			try (OutputStream stream = Files.newOutputStream(partial)) {
				count = archive.export(stream);
			}
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			return count;
		}
		finally {
			Files.deleteIfExists(partial);
		}
	}

	private static boolean inUse(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause.getMessage() != null && cause.getMessage().contains("Database may be already in use")) {
				return true;
			}
		}
		return false;
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
	}

}
