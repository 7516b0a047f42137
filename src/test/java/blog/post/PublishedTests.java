package blog.post;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PublishedTests {

	@Test
	void parseWhenOnlyMonthIsGivenShouldNeverInventADay() {
		Published published = Published.parse("2024-10");
		assertThat(published.iso()).isEqualTo("2024-10");
		assertThat(published.day()).isNull();
	}

	@Test
	void parseWhenDayIsGivenShouldShowIt() {
		Published published = Published.parse("2024-10-07");
		assertThat(published.iso()).isEqualTo("2024-10-07");
		assertThat(published.day()).hasDayOfMonth(7);
	}

	@Test
	void parseWhenDayDoesNotExistShouldRefuse() {
		assertThatIllegalArgumentException().isThrownBy(() -> Published.parse("2024-02-30"))
			.withMessage("'2024-02-30' is not a real date");
	}

	@Test
	void compareToShouldOrderByDate() {
		assertThat(Published.parse("2024-10")).isLessThan(Published.parse("2024-10-02"))
			.isGreaterThan(Published.parse("2024-09-30"));
	}

}
