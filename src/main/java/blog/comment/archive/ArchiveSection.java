package blog.comment.archive;

import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * A part of the JSON export that is not comments, kept by another package (the readers'
 * mail addresses): written after the comments when the editor asks for it, read back in
 * the import's transaction once the comments are stored.
 */
public interface ArchiveSection {

	/**
	 * @return its field in the export's top-level object
	 */
	String name();

	/**
	 * @return what to write there: records, lists and strings, as Jackson writes them
	 */
	Object export();

	/**
	 * Stores what an export held, in the import's transaction.
	 * @param value the field's value
	 * @param ids each comment's number in the file, to its number here
	 * @return how many of its items were stored
	 * @throws ImportException when it has a fault: then nothing is imported
	 */
	int importFrom(JsonNode value, Map<String, Long> ids);

}
