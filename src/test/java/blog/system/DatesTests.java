package blog.system;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dates in the page's language, with the patterns of the real message bundles.
 */
class DatesTests {

	final Dates dates = new Dates(messages());

	@AfterEach
	void forgetTheLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void englishShouldReadAsTheBlogAlwaysHas() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);
		assertThat(this.dates.of(null, YearMonth.of(2024, 10))).isEqualTo("October 2024");
		assertThat(this.dates.of(LocalDate.of(2024, 10, 7), YearMonth.of(2024, 10))).isEqualTo("7 October 2024");
		assertThat(this.dates.time(Instant.parse("2024-10-21T15:15:30.125Z")))
			.isEqualTo("21 October 2024 at 15:15 UTC");
	}

	@Test
	void germanShouldReadAsGermanWritesDates() {
		LocaleContextHolder.setLocale(Locale.GERMAN);
		assertThat(this.dates.month(YearMonth.of(2024, 10))).isEqualTo("Oktober 2024");
		assertThat(this.dates.of(LocalDate.of(2024, 10, 7), YearMonth.of(2024, 10))).isEqualTo("7. Oktober 2024");
		assertThat(this.dates.time(Instant.parse("2024-10-21T15:15:30Z"))).isEqualTo("21. Oktober 2024 um 15:15 UTC");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}

}
