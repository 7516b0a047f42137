package blog.comment;

/**
 * A file to import that cannot be: what is wrong, and the line where, if known. Nothing
 * of the file was imported.
 */
public class ImportException extends RuntimeException {

	private final int line;

	ImportException(int line, String problem) {
		super(((line > 0) ? "Line " + line + ": " : "") + problem);
		this.line = line;
	}

	/**
	 * @return the line of the file the problem is on, or -1 when not known
	 */
	public int line() {
		return this.line;
	}

}
