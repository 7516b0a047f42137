package blog.comment;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A comment as stored.
 *
 * @param id its number, in its permalink {@code #comment-N}
 * @param postSlug the post it is on
 * @param parentId the comment it replies to, if any (always a top-level one)
 * @param authorName the name the writer gave, plain text
 * @param bodyMarkdown what the writer typed
 * @param bodyHtml the same, rendered and sanitized when it was written
 * @param status PUBLISHED, PENDING, SPAM or DELETED
 * @param createdAt when it was written
 * @param editedAt when its writer last edited it, if ever
 */
public record Comment(long id, String postSlug, @Nullable Long parentId, String authorName, String bodyMarkdown,
		String bodyHtml, Status status, Instant createdAt, @Nullable Instant editedAt) {

	/**
	 * A comment never edited.
	 */
	public Comment(long id, String postSlug, @Nullable Long parentId, String authorName, String bodyMarkdown,
			String bodyHtml, Status status, Instant createdAt) {
		this(id, postSlug, parentId, authorName, bodyMarkdown, bodyHtml, status, createdAt, null);
	}

	/**
	 * Where a comment stands.
	 */
	public enum Status {

		/** shown to readers */
		PUBLISHED,
		/** held for the editor, shown to nobody */
		PENDING,
		/** judged spam by the editor */
		SPAM,
		/** removed by its writer or the editor */
		DELETED

	}

}
