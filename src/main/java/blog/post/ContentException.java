package blog.post;

import java.nio.file.Path;

/**
 * A content file that cannot be served: names the file, the line (when there is one) and
 * the fault, so that the one line printed at startup is all an author needs to fix it.
 */
public class ContentException extends RuntimeException {

	ContentException(Path file, int line, String fault) {
		super(line > 0 ? file + ":" + line + ": " + fault : file + ": " + fault);
	}

	ContentException(Path file, String fault) {
		this(file, 0, fault);
	}

}
