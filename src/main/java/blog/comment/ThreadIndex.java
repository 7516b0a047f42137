package blog.comment;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The order of each post's shown threads (published top-level comments, and deleted ones
 * kept for their published replies), kept in memory so that finding a comment's page
 * costs a binary search instead of a count over the whole thread on every post.
 * <p>
 * Each post's entry is tagged with the comment version it reflects. A new top-level
 * comment moves the entry to the next version by inserting itself; any other change (a
 * delete, moderation, a restore) leaves the entry behind, and the next lookup reads the
 * heads from the database again. Times are kept to the microsecond, as the database keeps
 * them.
 */
final class ThreadIndex {

	private final Map<String, Heads> posts = new HashMap<>();

	/**
	 * @param slug the post
	 * @param version the post's comment version now
	 * @param created the thread head's time
	 * @param id the thread head's id
	 * @param load reads the post's shown heads from the database, in thread order
	 * @return how many shown threads come before the given head
	 */
	synchronized int before(String slug, long version, Instant created, long id, HeadsLoader load) {
		Heads heads = this.posts.get(slug);
		if (heads == null || heads.version != version) {
			heads = new Heads(version, load.load());
			this.posts.put(slug, heads);
		}
		int at = heads.search(micros(created), id);
		return (at >= 0) ? at : -at - 1;
	}

	/**
	 * Records a change: moves the post's version and, if the change only added threads
	 * and nothing else moved the version since this entry was read, the entry with it.
	 * Both happen under this index's lock, so that concurrent changes move the entry in
	 * turn.
	 * @param slug the post
	 * @param heads the new shown thread heads (none for a reply or a held comment), or
	 * {@code null} when anything may have changed: the entry is read again
	 * @param bump moves the post's version and returns the new one
	 * @return the post's new version
	 */
	synchronized long changed(String slug, @Nullable List<Head> heads, LongSupplier bump) {
		long version = bump.getAsLong();
		Heads entry = this.posts.get(slug);
		if (entry == null) {
			return version;
		}
		if (heads == null || entry.version != version - 1) {
			this.posts.remove(slug);
			return version;
		}
		for (Head head : heads) {
			entry.insert(micros(head.created()), head.id());
		}
		entry.version = version;
		return version;
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
	 * Reads a post's shown heads.
	 */
	interface HeadsLoader {

		List<Head> load();

	}

	/**
	 * Heads in thread order: by time, then id. Growable arrays.
	 */
	private static final class Heads {

		long version;

		long[] created;

		long[] ids;

		int size;

		Heads(long version, List<Head> heads) {
			this.version = version;
			this.size = heads.size();
			this.created = new long[Math.max(16, this.size * 2)];
			this.ids = new long[this.created.length];
			for (int i = 0; i < this.size; i++) {
				this.created[i] = micros(heads.get(i).created());
				this.ids[i] = heads.get(i).id();
			}
		}

		/**
		 * @return the index, or {@code -(insertion point) - 1}
		 */
		int search(long created, long id) {
			int low = 0;
			int high = this.size - 1;
			while (low <= high) {
				int mid = (low + high) >>> 1;
				int order = (this.created[mid] != created) ? Long.compare(this.created[mid], created)
						: Long.compare(this.ids[mid], id);
				if (order < 0) {
					low = mid + 1;
				}
				else if (order > 0) {
					high = mid - 1;
				}
				else {
					return mid;
				}
			}
			return -(low + 1);
		}

		void insert(long created, long id) {
			int at = search(created, id);
			if (at >= 0) {
				return; // already read from the database
			}
			at = -at - 1;
			if (this.size == this.created.length) {
				this.created = Arrays.copyOf(this.created, this.size * 2);
				this.ids = Arrays.copyOf(this.ids, this.size * 2);
			}
			System.arraycopy(this.created, at, this.created, at + 1, this.size - at);
			System.arraycopy(this.ids, at, this.ids, at + 1, this.size - at);
			this.created[at] = created;
			this.ids[at] = id;
			this.size++;
		}

	}

}
