package blog.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A page of a post's comments as readers see them: top-level comments oldest first, each
 * with its replies under it; a deleted comment that has replies stays as a placeholder.
 *
 * @param count the published comments on the post, replies included
 * @param comments this page's top-level comments
 * @param page this page, from 1
 * @param pages how many pages there are (at least 1)
 */
public record CommentThread(int count, List<Entry> comments, int page, int pages) {

	/** Top-level comments on a page; a longer thread is paged with plain links. */
	public static final int PER_PAGE = 50;

	/**
	 * @param stored the page's threads as stored: their heads (published or deleted) and
	 * published replies, in thread order
	 * @param page this page, from 1
	 * @param count the published comments on the post, replies included
	 * @param threads how many threads the post shows
	 * @return the page
	 */
	static CommentThread of(List<Comment> stored, int page, int count, int threads) {
		return new CommentThread(count, List.copyOf(threads(stored)), page,
				Math.max(1, (threads + PER_PAGE - 1) / PER_PAGE));
	}

	/**
	 * @return the threads readers see, oldest first: each top-level comment with its
	 * published replies; a deleted one only while it has replies (the outline that chose
	 * the page may be a moment older than the rows)
	 */
	private static List<Entry> threads(List<Comment> stored) {
		Map<Long, Entry> heads = new LinkedHashMap<>();
		for (Comment comment : stored) {
			if (comment.parentId() == null) {
				heads.put(comment.id(), new Entry(comment, new ArrayList<>()));
			}
		}
		for (Comment comment : stored) {
			if (comment.parentId() != null && comment.status() == Comment.Status.PUBLISHED
					&& heads.containsKey(comment.parentId())) {
				heads.get(comment.parentId()).replies().add(new Entry(comment, List.of()));
			}
		}
		List<Entry> shown = new ArrayList<>();
		for (Entry head : heads.values()) {
			if (head.published() || !head.replies().isEmpty()) {
				shown.add(head);
			}
		}
		return shown;
	}

	/**
	 * @return the query that opens this page: empty for the first
	 */
	public String query() {
		return (this.page > 1) ? "?page=" + this.page : "";
	}

	public @Nullable Integer previousPage() {
		return (this.page > 1) ? this.page - 1 : null;
	}

	public @Nullable Integer nextPage() {
		return (this.page < this.pages) ? this.page + 1 : null;
	}

	public boolean isEmpty() {
		return this.count == 0;
	}

	/**
	 * @return every comment shown on this page, replies included, in reading order
	 */
	public List<Entry> all() {
		List<Entry> all = new ArrayList<>();
		for (Entry entry : this.comments) {
			all.add(entry);
			all.addAll(entry.replies());
		}
		return all;
	}

	/**
	 * A comment in the thread.
	 *
	 * @param comment the stored comment
	 * @param replies its replies, oldest first
	 */
	public record Entry(Comment comment, List<Entry> replies) {

		public long id() {
			return this.comment.id();
		}

		public boolean published() {
			return this.comment.status() == Comment.Status.PUBLISHED;
		}

		public String author() {
			return this.comment.authorName();
		}

		public String html() {
			return this.comment.bodyHtml();
		}

		public String iso() {
			return this.comment.createdAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
		}

		public Instant createdAt() {
			return this.comment.createdAt();
		}

		/**
		 * @return whether its writer edited it after writing it
		 */
		public boolean edited() {
			return this.comment.editedAt() != null;
		}

	}

}
