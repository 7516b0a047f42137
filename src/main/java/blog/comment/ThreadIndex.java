package blog.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * What readers see of each post's thread, in outline, kept in memory: the order of its
 * shown threads (published top-level comments, and deleted ones kept for their published
 * replies) and which published comments it counts. A page of comments then reads only its
 * own 50 threads from the database, and finding a comment's page is a binary search, so
 * neither costs more as the thread grows.
 * <p>
 * Each post's entry is tagged with the comment version it reflects, read under this
 * index's lock. A change that only added comments moves the entry to the next version by
 * adding them; any other change (a delete, moderation, a restore) drops the entry, and
 * the next lookup reads the post's outline from the database again. A read may already
 * see a comment whose change is not yet recorded: adding it again changes nothing. Times
 * are kept to the microsecond, as the database keeps them.
 */
final class ThreadIndex {

	private final Map<String, Entry> posts = new HashMap<>();

	/**
	 * @param slug the post
	 * @param version reads the post's comment version now
	 * @param created the thread head's time
	 * @param id the thread head's id
	 * @param load reads the post's outline from the database
	 * @return how many shown threads come before the given head
	 */
	synchronized int before(String slug, LongSupplier version, Instant created, long id, Loader load) {
		int at = entry(slug, version, load).heads.search(micros(created), id);
		return (at >= 0) ? at : -at - 1;
	}

	/**
	 * @param slug the post
	 * @param version reads the post's comment version now
	 * @param from the first thread wanted, from 0
	 * @param size how many threads at most
	 * @param load reads the post's outline from the database
	 * @return those threads' heads, with the post's totals
	 */
	synchronized Slice slice(String slug, LongSupplier version, int from, int size, Loader load) {
		Entry entry = entry(slug, version, load);
		List<Long> heads = new ArrayList<>(Math.max(0, Math.min(size, entry.heads.size - from)));
		for (int i = Math.max(0, from); i < Math.min(entry.heads.size, from + size); i++) {
			heads.add(entry.heads.ids[i]);
		}
		return new Slice(heads, entry.heads.size, entry.counted.size);
	}

	/**
	 * Records a change: moves the post's version and, if the change only added comments
	 * and nothing else moved the version since this entry was read, the entry with it.
	 * Both happen under this index's lock, so that concurrent changes move the entry in
	 * turn.
	 * @param slug the post
	 * @param published the comments added as published, or {@code null} when anything may
	 * have changed: the entry is read again
	 * @param bump moves the post's version and returns the new one
	 * @return the post's new version
	 */
	synchronized long changed(String slug, @Nullable List<CommentsChanged.Added> published, LongSupplier bump) {
		long version = bump.getAsLong();
		Entry entry = this.posts.get(slug);
		if (entry == null) {
			return version;
		}
		if (published == null || entry.version != version - 1 || !entry.add(published)) {
			this.posts.remove(slug);
			return version;
		}
		entry.version = version;
		return version;
	}

	private Entry entry(String slug, LongSupplier version, Loader load) {
		long now = version.getAsLong();
		Entry entry = this.posts.get(slug);
		if (entry == null || entry.version != now) {
			Outline outline = load.load();
			entry = new Entry(now, outline);
			this.posts.put(slug, entry);
		}
		return entry;
	}

	static long micros(Instant time) {
		return ChronoUnit.MICROS.between(Instant.EPOCH, time);
	}

	/**
	 * A thread's first comment.
	 */
	record Head(Instant created, long id) {
	}

	/**
	 * A post's thread in outline, as the database holds it.
	 *
	 * @param heads its shown threads' first comments, in thread order
	 * @param counted the published comments readers see (shown threads' published heads
	 * and their published replies)
	 */
	record Outline(List<Head> heads, long[] counted) {
	}

	/**
	 * Some of a post's shown threads.
	 *
	 * @param heads their first comments' ids, in thread order
	 * @param threads how many threads the post shows
	 * @param count how many published comments readers see, replies included
	 */
	record Slice(List<Long> heads, int threads, int count) {
	}

	/**
	 * Reads a post's outline.
	 */
	interface Loader {

		Outline load();

	}

	private static final class Entry {

		long version;

		final ThreadHeads heads;

		/** the shown heads' ids, for a reply to find its thread */
		final Ids headIds = new Ids();

		final Ids counted = new Ids();

		Entry(long version, Outline outline) {
			this.version = version;
			this.heads = new ThreadHeads(outline.heads());
			for (Head head : outline.heads()) {
				this.headIds.add(head.id());
			}
			for (long id : outline.counted()) {
				this.counted.add(id);
			}
		}

		/**
		 * @return whether the comments could be added; not when a reply's thread is not
		 * among the shown ones (it changed since this entry was read)
		 */
		boolean add(List<CommentsChanged.Added> published) {
			for (CommentsChanged.Added comment : published) {
				if (comment.parentId() == null) {
					this.heads.insert(micros(comment.created()), comment.id());
					this.headIds.add(comment.id());
				}
				else if (!this.headIds.contains(comment.parentId())) {
					return false;
				}
				this.counted.add(comment.id());
			}
			return true;
		}

	}

	/**
	 * A set of ids as a sorted growable array: new ids are the largest, so adding one is
	 * an append.
	 */
	private static final class Ids {

		long[] ids = new long[16];

		int size;

		boolean contains(long id) {
			return Arrays.binarySearch(this.ids, 0, this.size, id) >= 0;
		}

		void add(long id) {
			int at = (this.size == 0 || this.ids[this.size - 1] < id) ? -this.size - 1
					: Arrays.binarySearch(this.ids, 0, this.size, id);
			if (at >= 0) {
				return;
			}
			at = -at - 1;
			if (this.size == this.ids.length) {
				this.ids = Arrays.copyOf(this.ids, this.size * 2);
			}
			System.arraycopy(this.ids, at, this.ids, at + 1, this.size - at);
			this.ids[at] = id;
			this.size++;
		}

	}

}
