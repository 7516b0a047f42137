package blog.system;

import java.util.List;
import java.util.Locale;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The languages the blog's own words are in, and which one a reader gets: English, or
 * German where the browser's {@code Accept-Language} prefers it (RFC 4647 lookup, by the
 * JDK); the posts stay as written. One function for the page that is rendered and for the
 * key it is kept under, so that the two never disagree. Browsers send few different
 * headers, so the answers to the last thousand are kept.
 */
@Component
public final class Languages {

	/** the languages of the blog's own words, the first the default */
	public static final List<Locale> ALL = List.of(Locale.ENGLISH, Locale.GERMAN);

	private final Cache<String, Locale> chosen = Caffeine.newBuilder().maximumSize(1000).build();

	/**
	 * @param acceptLanguage the request's {@code Accept-Language}, if any
	 * @return the language to answer in
	 */
	public Locale choose(@Nullable String acceptLanguage) {
		if (acceptLanguage == null || acceptLanguage.isBlank()) {
			return ALL.get(0);
		}
		return this.chosen.get(acceptLanguage, Languages::lookUp);
	}

	private static Locale lookUp(String acceptLanguage) {
		try {
			Locale chosen = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), ALL);
			return (chosen != null) ? chosen : ALL.get(0);
		}
		catch (IllegalArgumentException ex) {
			// not a list of language ranges: the default, as for no header at all
			return ALL.get(0);
		}
	}

}
