package blog.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Dates as a reader sees them, in the page's language: the patterns are messages
 * ({@code date.day}, {@code date.month}, {@code date.time}), times are UTC. Templates
 * call it as {@code @dates}.
 */
@Component("dates")
public class Dates {

	private final MessageSource messages;

	Dates(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * @param day the day, when it is known
	 * @param month the month
	 * @return "15 October 2024", or "October 2024" without a day
	 */
	public String of(@Nullable LocalDate day, YearMonth month) {
		return (day != null) ? format("date.day").format(day) : month(month);
	}

	/**
	 * @return "October 2024"
	 */
	public String month(YearMonth month) {
		return format("date.month").format(month);
	}

	/**
	 * @return "21 October 2024 at 15:15 UTC"
	 */
	public String time(Instant time) {
		return format("date.time").withZone(ZoneOffset.UTC).format(time);
	}

	private DateTimeFormatter format(String key) {
		Locale locale = LocaleContextHolder.getLocale();
		return DateTimeFormatter.ofPattern(this.messages.getMessage(key, null, locale), locale);
	}

}
