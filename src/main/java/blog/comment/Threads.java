package blog.comment;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import blog.post.Post;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * The threads readers see under each post: a page of them, the page a comment is on, and
 * each post's version, which moves once any change to its comments is committed (here, or
 * on another instance). Each post's thread is kept in outline in a {@link ThreadIndex},
 * so that a page reads only its own threads from the database and finding a comment's
 * page is a binary search: neither costs more as the thread grows.
 */
@Component
public class Threads {

	private static final Log logger = LogFactory.getLog(Threads.class);

	private final CommentRepository repository;

	private final ConcurrentMap<String, AtomicLong> versions = new ConcurrentHashMap<>();

	private final ThreadIndex index = new ThreadIndex();

	Threads(CommentRepository repository) {
		this.repository = repository;
	}

	/**
	 * @param slug a post
	 * @return a number that changes, once the change is committed, whenever what readers
	 * see of the post's comments may have changed
	 */
	public long version(String slug) {
		return counter(slug).get();
	}

	/**
	 * @param post the post
	 * @param page which page of top-level comments, from 1
	 * @return that page of the post's published thread
	 */
	public CommentThread page(Post post, int page) {
		ThreadIndex.Slice slice = this.index.slice(post.slug(), () -> version(post.slug()),
				(page - 1) * CommentThread.PER_PAGE, CommentThread.PER_PAGE, () -> outline(post.slug()));
		List<Comment> stored = slice.heads().isEmpty() ? List.of() : this.repository.threads(slice.heads());
		return CommentThread.of(stored, page, slice.count(), slice.threads());
	}

	/**
	 * @param post the post
	 * @param id one of its comments
	 * @return the page of comments that shows it, 1 if none does (held, or deleted
	 * without replies)
	 */
	public int pageOf(Post post, long id) {
		Optional<Comment> comment = this.repository.find(id).filter((found) -> found.postSlug().equals(post.slug()));
		Optional<Comment> head = comment
			.flatMap((found) -> (found.parentId() != null) ? this.repository.find(found.parentId()) : comment);
		if (head.isEmpty() || !shown(head.get())) {
			return 1;
		}
		int before = this.index.before(post.slug(), () -> version(post.slug()), head.get().createdAt(), head.get().id(),
				() -> outline(post.slug()));
		return before / CommentThread.PER_PAGE + 1;
	}

	/**
	 * @param post the post
	 * @param id one of its comments
	 * @return the comment's place: the address of its page of comments, with its anchor
	 */
	public String placeOf(Post post, long id) {
		return address(post, pageOf(post, id), null, "comment-" + id);
	}

	/**
	 * @param post a post
	 * @param page a page of its comments, from 1
	 * @param query more of the query, such as {@code posted=12&key=...}, or {@code null}
	 * @param anchor where on the page
	 * @return the address of that page of the post's comments
	 */
	public static String address(Post post, int page, @Nullable String query, String anchor) {
		StringBuilder url = new StringBuilder(post.permalink());
		if (page > 1) {
			url.append("?page=").append(page);
		}
		if (query != null) {
			url.append((page > 1) ? '&' : '?').append(query);
		}
		return url.append('#').append(anchor).toString();
	}

	private boolean shown(Comment head) {
		return head.status() == Comment.Status.PUBLISHED
				|| (head.status() == Comment.Status.DELETED && this.repository.hasPublishedReplies(head.id()));
	}

	private ThreadIndex.Outline outline(String slug) {
		logger.debug("Reading the outline of " + slug + "'s thread");
		ThreadOutline outline = new ThreadOutline();
		this.repository.readOutline(slug, outline);
		return outline.outline();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void changed(CommentsChanged change) {
		this.index.changed(change.post(), change.published(), () -> counter(change.post()).incrementAndGet());
	}

	/**
	 * Another instance changed a post's comments: its page here is rendered anew.
	 */
	@EventListener
	void changedElsewhere(SharedVersions.ChangedElsewhere change) {
		this.index.changed(change.slug(), null, () -> counter(change.slug()).incrementAndGet());
	}

	private AtomicLong counter(String slug) {
		return this.versions.computeIfAbsent(slug, (key) -> new AtomicLong());
	}

}
