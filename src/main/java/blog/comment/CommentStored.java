package blog.comment;

import org.jspecify.annotations.Nullable;

/**
 * Published inside the transaction that stores a new comment, before it commits: a
 * listener's writes (the mail it causes) commit with the comment or not at all, and a
 * listener's fault fails the comment, which its writer is then told was not saved.
 *
 * @param id the comment
 * @param postSlug its post
 * @param threadId the comment its thread starts with: its parent, or itself
 * @param published whether readers see it now (a held comment mails nobody until the
 * editor publishes it: {@link CommentPublished})
 * @param follow the writer's request to be mailed replies, or null
 */
public record CommentStored(long id, String postSlug, long threadId, boolean published, @Nullable Follow follow) {

	CommentStored(long id, String postSlug, @Nullable Long parentId, boolean published, @Nullable Follow follow) {
		this(id, postSlug, (parentId != null) ? parentId : id, published, follow);
	}

	/**
	 * A writer's request to be mailed the replies in their comment's thread.
	 *
	 * @param email their address, as they typed it (checked: one address)
	 * @param language the language of the page they wrote on ({@code en}, {@code de}),
	 * for the mails' words
	 */
	public record Follow(String email, String language) {

		@Override
		public String toString() {
			// never an address in a log line
			return "Follow[" + this.language + "]";
		}

	}

}
