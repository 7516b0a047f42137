package blog.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Folders a test writes in (copies of the content, other instances' data, browser
 * profiles), under {@code target/scratch}: {@code ./mvnw clean} takes them away, and a
 * run leaves nothing in the machine's temporary folder.
 */
public final class Scratch {

	private static final Path ROOT = Path.of("target", "scratch").toAbsolutePath();

	private Scratch() {
	}

	/**
	 * @param prefix the start of the folder's name, saying what it is for
	 * @return a new empty folder
	 * @throws IOException when it cannot be made
	 */
	public static Path folder(String prefix) throws IOException {
		Files.createDirectories(ROOT);
		return Files.createTempDirectory(ROOT, prefix);
	}

}
