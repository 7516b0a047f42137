package blog.comment;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadIndexTests {

	static final Instant T = Instant.parse("2026-11-25T10:00:00Z");

	final List<ThreadIndex.Head> database = new ArrayList<>();

	/** published replies' ids */
	final List<Long> replies = new ArrayList<>();

	int loads;

	final ThreadIndex index = new ThreadIndex();

	@Test
	void beforeShouldCountTheHeadsEarlierInThreadOrder() {
		head(0, 1);
		head(1, 2);
		head(1, 3); // same time: by id
		assertThat(before(0, 0, 1)).isZero();
		assertThat(before(0, 1, 2)).isEqualTo(1);
		assertThat(before(0, 1, 3)).isEqualTo(2);
		assertThat(this.loads).as("read once for a version").isEqualTo(1);
	}

	@Test
	void addedShouldMoveTheEntryToTheNextVersionWithoutReading() {
		head(0, 1);
		before(0, 0, 1);
		ThreadIndex.Head late = head(5, 2);
		this.index.changed("post", List.of(added(late)), () -> 1);
		assertThat(before(1, 5, 2)).isEqualTo(1);
		this.index.changed("post", List.of(), () -> 2); // a held comment
		assertThat(before(2, 5, 2)).isEqualTo(1);
		assertThat(this.loads).isEqualTo(1);
	}

	@Test
	void addedShouldPlaceAHeadCommittedOutOfOrderByItsTime() {
		head(0, 1);
		head(9, 3);
		before(0, 0, 1);
		ThreadIndex.Head earlier = head(4, 2);
		this.index.changed("post", List.of(added(earlier)), () -> 1);
		assertThat(before(1, 4, 2)).isEqualTo(1);
		assertThat(before(1, 9, 3)).isEqualTo(2);
		assertThat(this.loads).isEqualTo(1);
	}

	@Test
	void addedShouldNotCountAHeadTwiceWhenTheReadAlreadySawIt() {
		head(0, 1);
		ThreadIndex.Head committed = head(1, 2); // committed, its version not yet moved
		ThreadIndex.Head after = head(2, 4);
		before(0, 0, 1);
		this.index.changed("post", List.of(added(committed)), () -> 1);
		assertThat(before(1, 2, 4)).isEqualTo(2);
		assertThat(this.loads).isEqualTo(1);
	}

	@Test
	void aChangeTheIndexDidNotSeeShouldMakeItReadAgain() {
		head(0, 1);
		ThreadIndex.Head second = head(1, 2);
		before(0, 1, 2);
		this.database.remove(0); // deleted elsewhere: version 1
		ThreadIndex.Head third = head(2, 3);
		this.index.changed("post", List.of(added(third)), () -> 2); // skips version 1:
																	// the entry
		// is dropped
		assertThat(before(2, 1, second.id())).isZero();
		assertThat(before(2, 2, third.id())).isEqualTo(1);
		assertThat(this.loads).isEqualTo(2);
	}

	@Test
	void entriesShouldGrowPastTheirFirstCapacity() {
		before(0, 0, 0);
		for (int i = 1; i <= 100; i++) {
			long version = i;
			this.index.changed("post", List.of(added(head(i, i))), () -> version);
		}
		assertThat(before(100, 100, 100)).isEqualTo(99);
		assertThat(before(100, 50, 50)).isEqualTo(49);
		assertThat(this.loads).isEqualTo(1);
	}

	@Test
	void concurrentCommentsShouldMoveTheEntryInTurn() throws InterruptedException {
		AtomicLong version = new AtomicLong();
		before(0, 0, 0);
		Thread[] writers = new Thread[8];
		for (int w = 0; w < writers.length; w++) {
			int writer = w;
			writers[w] = new Thread(() -> {
				for (int i = 0; i < 500; i++) {
					this.index.changed("post",
							List.of(new CommentsChanged.Added(T.plusSeconds(1 + i), writer * 1000L + i, null)),
							version::incrementAndGet);
				}
			});
			writers[w].start();
		}
		for (Thread writer : writers) {
			writer.join();
		}
		assertThat(before(version.get(), 1000, Long.MAX_VALUE)).isEqualTo(4000);
		assertThat(this.loads).as("never dropped").isEqualTo(1);
	}

	@Test
	void sliceShouldGiveAPageOfHeadsWithThePostsTotals() {
		for (int i = 1; i <= 120; i++) {
			head(i, i);
		}
		this.replies.add(1000L); // a published reply, counted
		ThreadIndex.Slice third = slice(0, 100, 50);
		assertThat(third.heads()).hasSize(20).first().isEqualTo(101L);
		assertThat(third.threads()).isEqualTo(120);
		assertThat(third.count()).isEqualTo(121);
		assertThat(slice(0, 150, 50).heads()).isEmpty();
	}

	@Test
	void aPublishedReplyShouldBeCountedOnceEvenWhenTheReadSawIt() {
		head(0, 1);
		slice(0, 0, 50);
		this.replies.add(2L);
		this.index.changed("post", List.of(new CommentsChanged.Added(T.plusSeconds(1), 2, 1L)), () -> 1);
		assertThat(slice(1, 0, 50).count()).isEqualTo(2);
		this.replies.add(3L); // committed, its version not yet moved: the read sees it
		this.index.changed("post", null, () -> 2);
		assertThat(slice(2, 0, 50).count()).isEqualTo(3);
		this.index.changed("post", List.of(new CommentsChanged.Added(T.plusSeconds(2), 3, 1L)), () -> 3);
		assertThat(slice(3, 0, 50).count()).as("not twice").isEqualTo(3);
		assertThat(this.loads).isEqualTo(2);
	}

	@Test
	void aReplyToAThreadTheEntryDoesNotShowShouldMakeItReadAgain() {
		head(0, 1);
		slice(0, 0, 50);
		this.index.changed("post", List.of(new CommentsChanged.Added(T.plusSeconds(1), 5, 4L)), () -> 1);
		slice(1, 0, 50);
		assertThat(this.loads).isEqualTo(2);
	}

	private ThreadIndex.Slice slice(long version, int from, int size) {
		return this.index.slice("post", () -> version, from, size, this::load);
	}

	private ThreadIndex.Outline load() {
		this.loads++;
		List<Long> counted = new ArrayList<>(this.replies);
		this.database.forEach((head) -> counted.add(head.id()));
		return new ThreadIndex.Outline(List.copyOf(this.database),
				counted.stream().mapToLong(Long::longValue).sorted().toArray());
	}

	private static CommentsChanged.Added added(ThreadIndex.Head head) {
		return new CommentsChanged.Added(head.created(), head.id(), null);
	}

	private ThreadIndex.Head head(int second, long id) {
		ThreadIndex.Head head = new ThreadIndex.Head(T.plusSeconds(second), id);
		this.database.add(head);
		this.database.sort((a, b) -> (a.created().equals(b.created())) ? Long.compare(a.id(), b.id())
				: a.created().compareTo(b.created()));
		return head;
	}

	private int before(long version, int second, long id) {
		return this.index.before("post", () -> version, T.plusSeconds(second), id, this::load);
	}

}
