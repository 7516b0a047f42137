package blog.comment.archive;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import blog.comment.Comment;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A comment read from a file to import. {@code key} and {@code parent} are the file's own
 * ids.
 *
 * @param line the line of the file it starts on, for messages
 * @param key its id in the file
 * @param parent the id in the file of the comment it replies to, if any
 * @param post the slug of the post it is on
 * @param name its writer's name
 * @param text its text, as typed
 * @param html its HTML from elsewhere (to be sanitized), or {@code null} to render the
 * text
 * @param status its status
 * @param heldReason why it is held, if it is
 * @param createdAt when it was written
 * @param statusChangedAt when its status last changed
 * @param statusBefore the status it had before
 * @param origin where it came from (a Blogger id), for importing it only once
 * @param deleteKeyHash the hash of its writer's private delete key
 */
record ImportedComment(int line, String key, @Nullable String parent, String post, String name, String text,
		@Nullable String html, Comment.Status status, @Nullable String heldReason, Instant createdAt,
		@Nullable Instant statusChangedAt, Comment.@Nullable Status statusBefore, @Nullable String origin,
		@Nullable String deleteKeyHash) {

	/**
	 * The comments read from a file, and what was left out while reading.
	 *
	 * @param comments the comments to import, in the file's order
	 * @param notHere how many are on posts this blog does not have
	 * @param notHerePaths the addresses of those posts
	 * @param left how many the file marks as deleted or spam
	 * @param sections the file's other parts, by their field ({@link ArchiveSection})
	 */
	record Read(List<ImportedComment> comments, int notHere, Set<String> notHerePaths, int left,
			Map<String, JsonNode> sections) {

		Read(List<ImportedComment> comments, int notHere, Set<String> notHerePaths, int left) {
			this(comments, notHere, notHerePaths, left, Map.of());
		}

	}

}
