package blog.comment;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What readers see of a post's comments may have changed. Whoever changes comments (a
 * reader's new comment or delete, the editor, readers' reports, an import, the purge)
 * publishes it in the transaction that makes the change; it is handled once that
 * transaction committed, or at once when the change was made outside one. The post's page
 * and its index of threads follow it, so that no writer has to remember to tell them.
 *
 * @param post the post's slug
 * @param published when the change only added comments: the published ones among them
 * (none when all were held); {@code null} when anything may have changed
 */
public record CommentsChanged(String post, @Nullable List<Added> published) {

	public CommentsChanged {
		published = (published != null) ? List.copyOf(published) : null;
	}

	/**
	 * @param post a post
	 * @return that anything of its comments may have changed
	 */
	public static CommentsChanged any(String post) {
		return new CommentsChanged(post, null);
	}

	/**
	 * A comment added as published.
	 *
	 * @param created when it was written, to the microsecond
	 * @param id its number
	 * @param parentId the thread it replies to, {@code null} when it starts one
	 */
	public record Added(Instant created, long id, @Nullable Long parentId) {
	}

}
