package blog.comment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores new comments by group commit: the comments that arrive while one transaction is
 * being committed go to disk together in the next, and each writer is answered only once
 * its comment is committed. A commit is one write to disk however many comments it holds,
 * so eight readers posting at once cost about one commit, not eight. No comment waits for
 * a timer: a comment that arrives alone is committed at once. Each commit says which
 * posts' pages it changed ({@link CommentsChanged}, one per post with a published
 * comment), and their pages follow before any writer is answered. Each comment is also
 * announced inside its transaction ({@link CommentStored}), so that what it causes (mail)
 * is committed with it or not at all.
 */
@Component
class CommentWriter implements DisposableBean {

	private static final Log logger = LogFactory.getLog(CommentWriter.class);

	/** the most comments in one transaction */
	static final int MAX_GROUP = 64;

	private final CommentRepository repository;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

	private final Thread thread;

	private volatile boolean stopping;

	CommentWriter(CommentRepository repository, TransactionTemplate transactions, ApplicationEventPublisher events) {
		this.repository = repository;
		this.transactions = transactions;
		this.events = events;
		this.thread = new Thread(this::run, "comment-writer");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Stores a comment, and returns once it is committed.
	 * @param comment the comment
	 * @return its id
	 * @throws RuntimeException the database's fault, when it could not be stored
	 */
	long insert(CommentRepository.NewComment comment) {
		return insert(comment, null);
	}

	/**
	 * Stores a comment, perhaps with its writer's request to be mailed replies, and
	 * returns once it is committed: the mail it causes is queued in the same transaction
	 * ({@link CommentStored}).
	 * @param comment the comment
	 * @param follow what the writer asked for, or null
	 * @return its id
	 * @throws RuntimeException the database's fault, when it could not be stored
	 */
	long insert(CommentRepository.NewComment comment, CommentStored.@Nullable Follow follow) {
		if (this.stopping) {
			throw new IllegalStateException("the blog is stopping");
		}
		Pending pending = new Pending(comment, follow, new CompletableFuture<>());
		this.queue.add(pending);
		try {
			return pending.id().get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			// the comment may still be committed; its writer is not told so
			throw new IllegalStateException("interrupted while the comment was being stored", ex);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() instanceof RuntimeException fault) ? fault : new IllegalStateException(ex.getCause());
		}
	}

	private void run() {
		List<Pending> group = new ArrayList<>(MAX_GROUP);
		while (!this.stopping || !this.queue.isEmpty()) {
			try {
				Pending first = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				group.add(first);
				this.queue.drainTo(group, MAX_GROUP - 1);
				commit(group);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				logger.error("Comment writer failed", ex);
			}
			finally {
				group.clear();
			}
		}
	}

	private void commit(List<Pending> group) {
		try {
			complete(group, store(group));
		}
		catch (RuntimeException groupFault) {
			// one comment the database refuses must not take the others with it
			for (Pending pending : group) {
				try {
					complete(List.of(pending), store(List.of(pending)));
				}
				catch (RuntimeException fault) {
					pending.id().completeExceptionally(fault);
				}
			}
		}
	}

	/**
	 * @return the comments' ids, once they are committed
	 */
	private List<Long> store(List<Pending> group) {
		List<Long> ids = this.transactions.execute((status) -> {
			List<Long> stored = new ArrayList<>(group.size());
			Map<String, List<CommentsChanged.Added>> posts = new LinkedHashMap<>();
			for (Pending pending : group) {
				CommentRepository.NewComment comment = pending.comment();
				long id = this.repository.insert(comment);
				stored.add(id);
				added(posts, comment, id);
				this.events.publishEvent(new CommentStored(id, comment.postSlug(), comment.parentId(),
						comment.status() == Comment.Status.PUBLISHED, pending.follow()));
			}
			// a held comment changes nothing readers see: its page stays as it is
			posts.forEach((post, published) -> {
				if (!published.isEmpty()) {
					this.events.publishEvent(new CommentsChanged(post, published));
				}
			});
			return stored;
		});
		if (ids == null) {
			throw new IllegalStateException("The comments' transaction gave no ids");
		}
		return ids;
	}

	private static void complete(List<Pending> group, List<Long> ids) {
		for (int i = 0; i < group.size(); i++) {
			group.get(i).id().complete(ids.get(i));
		}
	}

	/** notes a stored comment under its post, if readers see it */
	private static void added(Map<String, List<CommentsChanged.Added>> posts, CommentRepository.NewComment comment,
			long id) {
		List<CommentsChanged.Added> published = posts.computeIfAbsent(comment.postSlug(), (post) -> new ArrayList<>());
		if (comment.status() == Comment.Status.PUBLISHED) {
			published.add(new CommentsChanged.Added(comment.createdAt(), id, comment.parentId()));
		}
	}

	/**
	 * Stores what is queued, then stops: the web server has stopped taking requests by
	 * now, and the database is closed after this.
	 */
	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		this.thread.join(TimeUnit.SECONDS.toMillis(30));
	}

	private record Pending(CommentRepository.NewComment comment, CommentStored.@Nullable Follow follow,
			CompletableFuture<Long> id) {
	}

}
