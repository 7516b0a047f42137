package blog.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * Content folders for tests: a copy of the real {@code content/}, to be broken one file
 * at a time, so that each test owns its fixture.
 */
public final class TestContent {

	public static final Path REAL = Path.of("content");

	public static final String ESSAY_FILE = "posts/2024-10-the-dangers-of-ignoring-diplomacy-why.md";

	public static final String ESSAY_SLUG = "the-dangers-of-ignoring-diplomacy-why";

	public static final String ESSAY_PATH = "/2024/10/the-dangers-of-ignoring-diplomacy-why.html";

	private TestContent() {
	}

	/**
	 * @param target an empty folder
	 * @return the folder, now holding a copy of {@code content/}
	 */
	public static Path copyTo(Path target) {
		try (Stream<Path> files = Files.walk(REAL)) {
			for (Path source : files.toList()) {
				Path copy = target.resolve(REAL.relativize(source).toString());
				if (Files.isDirectory(source)) {
					Files.createDirectories(copy);
				}
				else {
					Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static String read(String file) {
		try {
			return Files.readString(REAL.resolve(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public static void write(Path dir, String file, String text) {
		try {
			Files.createDirectories(dir.resolve(file).getParent());
			Files.writeString(dir.resolve(file), text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
