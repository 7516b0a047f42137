package blog.comment;

import java.util.Arrays;
import java.util.List;

/**
 * A post's shown thread heads in thread order (by time, then id, the time to the
 * microsecond), in growable arrays, for {@link ThreadIndex}.
 */
final class ThreadHeads {

	long[] created;

	long[] ids;

	int size;

	ThreadHeads(List<ThreadIndex.Head> heads) {
		this.size = heads.size();
		this.created = new long[Math.max(16, this.size * 2)];
		this.ids = new long[this.created.length];
		for (int i = 0; i < this.size; i++) {
			this.created[i] = ThreadIndex.micros(heads.get(i).created());
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
