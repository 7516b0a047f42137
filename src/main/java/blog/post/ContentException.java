package blog.post;

import java.nio.file.Path;

/**
 * A content file that cannot be served: names the file, the line (when there is one) and
 * the fault, so that the one line printed at startup is all an author needs to fix it.
 */
public class ContentException extends RuntimeException {

	private final Path file;

	private final int line;

	private final String fault;

	ContentException(Path file, int line, String fault) {
		super(line > 0 ? file + ":" + line + ": " + fault : file + ": " + fault);
		this.file = file;
		this.line = line;
		this.fault = fault;
	}

	ContentException(Path file, String fault) {
		this(file, 0, fault);
	}

	public Path file() {
		return this.file;
	}

	/**
	 * @return the 1-based line of the fault, or 0 when it concerns the whole file
	 */
	public int line() {
		return this.line;
	}

	public String fault() {
		return this.fault;
	}

}
