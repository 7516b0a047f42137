package blog.stats;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Where a reader came from, by the {@code Referer} their browser sent: the referring
 * site's host only (never the rest of its address), or the name of a search engine or
 * social site, so that google.de and google.com add up.
 */
final class Referrers {

	private record Named(Pattern host, String name) {
	}

	private static final List<Named> NAMED = List.of(named("news\\.google\\.[a-z.]+", "Google News"),
			named("(?:[a-z0-9-]+\\.)*google\\.[a-z]{2,3}(?:\\.[a-z]{2})?", "Google"),
			named("(?:[a-z0-9-]+\\.)*bing\\.com", "Bing"), named("(?:[a-z0-9-]+\\.)*duckduckgo\\.com", "DuckDuckGo"),
			named("(?:[a-z0-9-]+\\.)*yahoo\\.[a-z.]+", "Yahoo"), named("(?:[a-z0-9-]+\\.)*yandex\\.[a-z.]+", "Yandex"),
			named("(?:[a-z0-9-]+\\.)*baidu\\.com", "Baidu"), named("(?:[a-z0-9-]+\\.)*ecosia\\.org", "Ecosia"),
			named("search\\.brave\\.com", "Brave Search"), named("(?:[a-z0-9-]+\\.)*startpage\\.com", "Startpage"),
			named("(?:[a-z0-9-]+\\.)*qwant\\.com", "Qwant"), named("(?:[a-z0-9-]+\\.)*kagi\\.com", "Kagi"),
			named("t\\.co|(?:[a-z0-9-]+\\.)*x\\.com|(?:[a-z0-9-]+\\.)*twitter\\.com", "X"),
			named("(?:[a-z0-9-]+\\.)*facebook\\.com|fb\\.me|m\\.me", "Facebook"),
			named("(?:[a-z0-9-]+\\.)*instagram\\.com", "Instagram"),
			named("(?:[a-z0-9-]+\\.)*linkedin\\.com|lnkd\\.in", "LinkedIn"),
			named("(?:[a-z0-9-]+\\.)*reddit\\.com", "Reddit"), named("news\\.ycombinator\\.com", "Hacker News"),
			named("bsky\\.app", "Bluesky"), named("(?:[a-z0-9-]+\\.)*threads\\.(?:net|com)", "Threads"),
			named("t\\.me|(?:[a-z0-9-]+\\.)*telegram\\.org", "Telegram"),
			named("(?:[a-z0-9-]+\\.)*whatsapp\\.com", "WhatsApp"),
			named("(?:[a-z0-9-]+\\.)*youtube\\.com|youtu\\.be", "YouTube"),
			named("(?:[a-z0-9-]+\\.)*smartnews\\.com", "SmartNews"),
			named("(?:[a-z0-9-]+\\.)*blogger\\.com|(?:[a-z0-9-]+\\.)*blogspot\\.[a-z.]+", "Blogger"));

	private Referrers() {
	}

	private static Named named(String host, String name) {
		return new Named(Pattern.compile(host), name);
	}

	/**
	 * @param referer a request's {@code Referer}
	 * @param ownHost the blog's host, whose pages are not a source
	 * @return the site, named when it is a search engine or social site; null for none,
	 * for the blog's own pages, and for anything that is not a web address
	 */
	static @Nullable String site(@Nullable String referer, @Nullable String ownHost) {
		if (referer == null || referer.length() > 2000) {
			return null;
		}
		String host;
		try {
			URI uri = new URI(referer.strip());
			if (uri.getScheme() == null || !uri.getScheme().toLowerCase(Locale.ROOT).matches("https?")) {
				return null;
			}
			host = uri.getHost();
		}
		catch (Exception ex) {
			return null;
		}
		if (host == null || host.isEmpty()) {
			return null;
		}
		host = host.toLowerCase(Locale.ROOT);
		if (host.endsWith(".")) {
			host = host.substring(0, host.length() - 1);
		}
		if (host.equals(ownHost)) {
			return null;
		}
		for (Named named : NAMED) {
			if (named.host().matcher(host).matches()) {
				return named.name();
			}
		}
		return host.startsWith("www.") ? host.substring(4) : host;
	}

}
