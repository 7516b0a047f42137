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
		this.index.changed("post", List.of(late), () -> 1);
		assertThat(before(1, 5, 2)).isEqualTo(1);
		this.index.changed("post", List.of(), () -> 2); // a reply
		assertThat(before(2, 5, 2)).isEqualTo(1);
		assertThat(this.loads).isEqualTo(1);
	}

	@Test
	void addedShouldPlaceAHeadCommittedOutOfOrderByItsTime() {
		head(0, 1);
		head(9, 3);
		before(0, 0, 1);
		ThreadIndex.Head earlier = head(4, 2);
		this.index.changed("post", List.of(earlier), () -> 1);
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
		this.index.changed("post", List.of(committed), () -> 1);
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
		this.index.changed("post", List.of(third), () -> 2); // skips version 1: the entry
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
			this.index.changed("post", List.of(head(i, i)), () -> version);
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
					this.index.changed("post", List.of(new ThreadIndex.Head(T.plusSeconds(1 + i), writer * 1000L + i)),
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

	private ThreadIndex.Head head(int second, long id) {
		ThreadIndex.Head head = new ThreadIndex.Head(T.plusSeconds(second), id);
		this.database.add(head);
		this.database.sort((a, b) -> (a.created().equals(b.created())) ? Long.compare(a.id(), b.id())
				: a.created().compareTo(b.created()));
		return head;
	}

	private int before(long version, int second, long id) {
		return this.index.before("post", version, T.plusSeconds(second), id, () -> {
			this.loads++;
			return List.copyOf(this.database);
		});
	}

}
