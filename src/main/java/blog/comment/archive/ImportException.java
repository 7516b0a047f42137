package blog.comment.archive;

/**
 * A file to import that cannot be: what is wrong, and the line where, if known. Nothing
 * of the file was imported.
 */
public class ImportException extends RuntimeException {

	/**
	 * @param line the line of the file the problem is on, or -1 when not known
	 * @param problem what is wrong
	 */
	public ImportException(int line, String problem) {
		super(((line > 0) ? "Line " + line + ": " : "") + problem);
	}

}
