package blog.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

import blog.comment.CommentArchive;
import blog.comment.ImportException;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The export and import from the command line, on the blog's own database and settings,
 * without starting the web server:
 * {@code java -jar opinion-blog.jar export comments.json} (or {@code -} for standard
 * output) and {@code java -jar opinion-blog.jar import comments.json}. H2 keeps its file
 * for one process: while the blog runs, use the desk instead.
 */
public final class ArchiveCommand {

	private static final Set<String> COMMANDS = Set.of("export", "import");

	private static final String USAGE = """
			Usage: java -jar opinion-blog.jar export FILE   (all comments as JSON; FILE - is standard output)
			       java -jar opinion-blog.jar import FILE   (this blog's JSON export, or a Blogger export)
			Settings as for the blog, e.g. --blog.data-dir=/var/lib/blog""";

	private ArchiveCommand() {
	}

	/**
	 * @param args the program's arguments
	 * @return whether they ask for a command rather than the blog
	 */
	public static boolean isCommand(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/**
	 * @param application the application's configuration class
	 * @param args the command, its file, then any settings
	 * @param out where to report (and to export, for {@code -})
	 * @param err where to say what went wrong
	 * @return the exit status: 0 when done, 1 when it failed, 2 for a wrong use
	 */
	public static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		if (args.length < 2 || args[1].startsWith("--")) {
			err.println(USAGE);
			return 2;
		}
		String command = args[0];
		String file = args[1];
		if ("import".equals(command) && !Files.isRegularFile(Path.of(file))) {
			err.println("No file to import at " + Path.of(file).toAbsolutePath());
			return 1;
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.lazyInitialization(true)
				// what went wrong is said below, in one line; the export may go to
				// standard output
				.properties("logging.level.root=off")
				.run(Arrays.copyOfRange(args, 2, args.length));
		}
		catch (RuntimeException ex) {
			err.println(inUse(ex)
					? "The blog's database is in use by a running blog: stop it first, or use the editor's desk"
							+ " (/admin/archive) while it runs."
					: "The blog could not start to " + command + ": " + rootMessage(ex));
			return 1;
		}
		try (context) {
			CommentArchive archive = context.getBean(CommentArchive.class);
			AuditLog audit = context.getBean(AuditLog.class);
			if ("export".equals(command)) {
				int count = export(archive, file, out);
				audit.record(Instant.now(), "(command line)", "export", null, count + " comments as JSON");
				if (!"-".equals(file)) {
					out.println("Exported " + count + " comments to " + Path.of(file).toAbsolutePath());
				}
			}
			else {
				String name = Path.of(file).getFileName().toString();
				CommentArchive.Result result = archive.importFile(Files.readAllBytes(Path.of(file)));
				audit.record(Instant.now(), "(command line)", "import", null,
						name + ": " + result.added() + " added, " + result.alreadyHere() + " already here");
				out.println(ArchiveController.said(name, result));
			}
			return 0;
		}
		catch (ImportException ex) {
			err.println("Nothing was imported from " + file + ". " + ex.getMessage());
			return 1;
		}
		catch (IOException | RuntimeException ex) {
			err.println("Could not " + command + " " + file + ": " + rootMessage(ex));
			return 1;
		}
	}

	/** writes to a file beside the target, then moves it in place: never half a file */
	private static int export(CommentArchive archive, String file, PrintStream out) throws IOException {
		if ("-".equals(file)) {
			int count = archive.export(out);
			out.flush();
			return count;
		}
		Path target = Path.of(file).toAbsolutePath();
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
