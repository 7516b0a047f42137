package blog.post;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * When a post was published, as precisely as its source says: a month ({@code 2024-10})
 * or a day ({@code 2024-10-15}). A month is never padded to an invented day.
 *
 * @param month the month of publication
 * @param day the day, when the source gives one
 */
public record Published(YearMonth month, @Nullable LocalDate day) implements Comparable<Published> {

	public Published {
		if (day != null && !YearMonth.from(day).equals(month)) {
			throw new IllegalArgumentException("day " + day + " is not in " + month);
		}
	}

	/**
	 * @param text {@code yyyy-MM} or {@code yyyy-MM-dd}
	 * @return the date it names
	 * @throws IllegalArgumentException when it names none
	 */
	static Published parse(String text) {
		try {
			if (text.matches("\\d{4}-\\d{2}")) {
				return new Published(YearMonth.parse(text), null);
			}
			if (text.matches("\\d{4}-\\d{2}-\\d{2}")) {
				LocalDate day = LocalDate.parse(text);
				return new Published(YearMonth.from(day), day);
			}
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a real date", ex);
		}
		throw new IllegalArgumentException("'" + text + "' is not a date: write yyyy-MM (2024-10) or yyyy-MM-dd");
	}

	/**
	 * @return ISO 8601 at the source's precision, for {@code <time datetime>} and JSON-LD
	 */
	public String iso() {
		return (this.day != null) ? this.day.toString() : this.month.toString();
	}

	/**
	 * @return the start of the day (or, without one, of the month) in UTC
	 */
	public Instant instant() {
		return sortKey().atStartOfDay(ZoneOffset.UTC).toInstant();
	}

	@Override
	public int compareTo(Published other) {
		return sortKey().compareTo(other.sortKey());
	}

	private LocalDate sortKey() {
		return (this.day != null) ? this.day : this.month.atDay(1);
	}

}
