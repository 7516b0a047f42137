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
 * @param newThreads when the change only added comments: the threads they start (their
 * first comments, published); {@code null} when anything may have changed
 */
public record CommentsChanged(String post, @Nullable List<NewThread> newThreads) {

	public CommentsChanged {
		newThreads = (newThreads != null) ? List.copyOf(newThreads) : null;
	}

	/**
	 * @param post a post
	 * @return that anything of its comments may have changed
	 */
	public static CommentsChanged any(String post) {
		return new CommentsChanged(post, null);
	}

	/**
	 * A new thread: a published comment that replies to none.
	 *
	 * @param created when it was written, to the microsecond
	 * @param id its number
	 */
	public record NewThread(Instant created, long id) {
	}

}
