package blog.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * A post's thread in outline, made from its published and deleted comments as the
 * database gives them, in any order ({@link CommentRepository#readOutline}): which
 * threads readers see, in thread order (by time, then id: published top-level comments,
 * and deleted ones kept for their published replies), and which comments they count
 * (those threads' published heads and published replies).
 */
final class ThreadOutline {

	private final Map<Long, Top> tops = new HashMap<>();

	/** published replies, as {id, parent} */
	private final List<long[]> replies = new ArrayList<>();

	void topLevel(long id, Instant created, boolean published) {
		this.tops.put(id, new Top(id, created, published));
	}

	void publishedReply(long id, long parent) {
		this.replies.add(new long[] { id, parent });
	}

	ThreadIndex.Outline outline() {
		Set<Long> replied = new HashSet<>();
		LongStream.Builder counted = LongStream.builder();
		for (long[] reply : this.replies) {
			// a reply to a reply, or in a thread nobody sees, is not shown
			if (this.tops.containsKey(reply[1])) {
				counted.add(reply[0]);
				replied.add(reply[1]);
			}
		}
		List<ThreadIndex.Head> heads = new ArrayList<>();
		for (Top top : this.tops.values()) {
			if (top.published()) {
				counted.add(top.id());
			}
			if (top.published() || replied.contains(top.id())) {
				heads.add(new ThreadIndex.Head(top.created(), top.id()));
			}
		}
		heads.sort(Comparator.comparing(ThreadIndex.Head::created).thenComparingLong(ThreadIndex.Head::id));
		return new ThreadIndex.Outline(heads, counted.build().sorted().toArray());
	}

	private record Top(long id, Instant created, boolean published) {
	}

}
