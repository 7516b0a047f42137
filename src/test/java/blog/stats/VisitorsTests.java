package blog.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A visitor is new once a day, per page and for the blog; the next day has a new salt,
 * and the same reader is a new visitor.
 */
class VisitorsTests {

	private final Visitors visitors = new Visitors();

	@Test
	void aReaderShouldBeNewOnceADay() {
		long day = 20_000;
		assertThat(this.visitors.seen(day, "203.0.113.7", RobotsTests.CHROME, "/"))
			.isEqualTo(new Visitors.Seen(true, true));
		assertThat(this.visitors.seen(day, "203.0.113.7", RobotsTests.CHROME, "/"))
			.isEqualTo(new Visitors.Seen(false, false));
		assertThat(this.visitors.seen(day, "203.0.113.7", RobotsTests.CHROME, "/2024/10/x.html"))
			.isEqualTo(new Visitors.Seen(false, true));
		assertThat(this.visitors.seen(day, "203.0.113.8", RobotsTests.CHROME, "/")).as("another address")
			.isEqualTo(new Visitors.Seen(true, true));
		assertThat(this.visitors.seen(day, "203.0.113.7", "Other/1.0", "/")).as("another browser")
			.isEqualTo(new Visitors.Seen(true, true));
	}

	@Test
	void theNextDayShouldForgetYesterdaysReaders() {
		this.visitors.seen(20_000, "203.0.113.7", RobotsTests.CHROME, "/");
		assertThat(this.visitors.seen(20_001, "203.0.113.7", RobotsTests.CHROME, "/"))
			.isEqualTo(new Visitors.Seen(true, true));
	}

	@Test
	void aFloodOfNewUserAgentsShouldStopBeingRememberedAtTheCap() {
		long day = 20_000;
		for (int i = 0; i < Visitors.MOST; i++) {
			this.visitors.seen(day, "203.0.113.9", "Flood/" + i, "/");
		}
		assertThat(this.visitors.seen(day, "203.0.113.9", "Flood/0", "/")).as("remembered before the cap")
			.isEqualTo(new Visitors.Seen(false, false));
		assertThat(this.visitors.seen(day, "203.0.113.9", "Flood/beyond", "/"))
			.isEqualTo(new Visitors.Seen(true, true));
		assertThat(this.visitors.seen(day, "203.0.113.9", "Flood/beyond", "/")).as("not remembered beyond it")
			.isEqualTo(new Visitors.Seen(true, true));
	}

}
