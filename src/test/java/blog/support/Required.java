package blog.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.fail;

/**
 * What to do when a test needs a real part that the machine lacks (a Debian package):
 * skip it with a message locally, fail under {@code CI=true}, where {@code .ci/run}
 * installs it.
 */
public final class Required {

	private Required() {
	}

	/**
	 * @param message what is missing and which package brings it
	 */
	public static void missing(String message) {
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			fail(message + ", but CI must run these tests");
		}
		// a class skipped as a whole shows in no report: say so where the build prints
		System.err.println("Skipped: " + message);
		Assumptions.abort(message);
	}

	/**
	 * @param command a command's name
	 * @return whether it is on the {@code PATH} (or in {@code /usr/sbin}, where Debian
	 * puts nginx)
	 */
	public static boolean onPath(String command) {
		String path = System.getenv("PATH") + ":/usr/sbin";
		return Stream.of(path.split(":")).anyMatch((dir) -> Files.isExecutable(Path.of(dir, command)));
	}

}
