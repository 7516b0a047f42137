package blog.stats;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import blog.post.PostCatalog;
import blog.system.Traffic;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Counts what readers and robots read, from each answer the server sent: a page view is a
 * {@code GET} of the home page, a post, a label's or a month's list, or the search,
 * answered 200 or 304 (a reader's reload revalidates); {@code HEAD}, errors and
 * prefetches are not views. Robots' views are counted apart, by kind; a feed fetch counts
 * only the subscribers a feed service says it has. Costs a few map updates per request,
 * no database write.
 */
@Component
class PageViews implements Traffic {

	private static final Pattern SUBSCRIBERS = Pattern.compile("(\\d{1,9})\\s+(?:subscribers|readers)",
			Pattern.CASE_INSENSITIVE);

	/** a product and its version in a {@code User-Agent}: {@code Feedly/1.0} */
	private static final Pattern PRODUCT = Pattern.compile("([A-Za-z][A-Za-z0-9 ._-]{0,39}?)/\\d");

	private static final Pattern BROWSER_PRODUCT = Pattern
		.compile("Mozilla|AppleWebKit|Chrome|Safari|Gecko|Firefox|Version|KHTML|Mobile|like");

	private static final Pattern CAMPAIGN = Pattern.compile("(?:^|&)utm_source=([^&]{1,100})");

	private final Tally tally;

	private final Visitors visitors;

	private final Robots robots;

	private final Clock clock;

	private final boolean enabled;

	private final @Nullable String ownHost;

	/** today (UTC), made once a day rather than once a request */
	private volatile LocalDate today = LocalDate.EPOCH;

	@Autowired
	PageViews(Tally tally, Visitors visitors, Robots robots, Clock clock, StatsProperties settings,
			PostCatalog catalog) {
		this(tally, visitors, robots, clock, settings.enabled(), catalog.site().baseUrl().getHost());
	}

	PageViews(Tally tally, Visitors visitors, Robots robots, Clock clock, boolean enabled, @Nullable String ownHost) {
		this.tally = tally;
		this.visitors = visitors;
		this.robots = robots;
		this.clock = clock;
		this.enabled = enabled;
		this.ownHost = (ownHost != null) ? ownHost.toLowerCase(Locale.ROOT) : null;
	}

	@Override
	public void answered(Answered answered) {
		if (!this.enabled || !"GET".equals(answered.method())) {
			return;
		}
		int status = answered.status();
		if (status != 200 && status != 304) {
			return;
		}
		String path = answered.path();
		if (path.startsWith("/feeds/")) {
			feedFetched(answered, path);
			return;
		}
		if (!PageAddresses.page(path)) {
			return;
		}
		Asked asked = new Asked();
		answered.eachHeader(asked);
		if (asked.prefetch) {
			return;
		}
		LocalDate day = today();
		Robots.Kind robot = this.robots.kind(asked.userAgent);
		if (robot != null) {
			this.tally.count(day, "robot", robot.key());
			return;
		}
		this.tally.view(day, path, this.visitors.seen(day.toEpochDay(), answered.client(), asked.userAgent, path));
		String site = Referrers.site(asked.referer, this.ownHost);
		if (site != null && !site.equals(hostOf(asked.host))) {
			this.tally.count(day, "referrer", site);
		}
		String campaign = campaign(answered.query());
		if (campaign != null) {
			this.tally.count(day, "campaign", campaign);
		}
	}

	/**
	 * The request's headers that tell a view, from one look at them all: its first
	 * {@code User-Agent}, {@code Referer} and {@code Host}, and whether it is a prefetch
	 * ({@code Sec-Purpose} or {@code Purpose: prefetch}, Safari's
	 * {@code X-Purpose: preview}, Firefox's older {@code X-Moz: prefetch}).
	 */
	private static final class Asked implements BiConsumer<String, String> {

		@Nullable String userAgent;

		@Nullable String referer;

		@Nullable String host;

		boolean prefetch;

		@Override
		public void accept(String name, String value) {
			switch (name.length()) {
				case 4 -> {
					if (this.host == null && name.equalsIgnoreCase("Host")) {
						this.host = value;
					}
				}
				case 5 -> this.prefetch |= name.equalsIgnoreCase("X-Moz") && value.equalsIgnoreCase("prefetch");
				case 7 -> {
					if (this.referer == null && name.equalsIgnoreCase("Referer")) {
						this.referer = value;
					}
					else if (name.equalsIgnoreCase("Purpose")) {
						this.prefetch |= prefetch(value);
					}
				}
				case 9 -> this.prefetch |= name.equalsIgnoreCase("X-Purpose") && value.equalsIgnoreCase("preview");
				case 10 -> {
					if (this.userAgent == null && name.equalsIgnoreCase("User-Agent")) {
						this.userAgent = value;
					}
				}
				case 11 -> this.prefetch |= name.equalsIgnoreCase("Sec-Purpose") && prefetch(value);
				default -> {
				}
			}
		}

		private static boolean prefetch(String purpose) {
			return purpose.toLowerCase(Locale.ROOT).contains("prefetch");
		}

	}

	private void feedFetched(Answered answered, String path) {
		String userAgent = answered.header("User-Agent");
		if (userAgent == null || userAgent.length() > 1000) {
			return;
		}
		Matcher subscribers = SUBSCRIBERS.matcher(userAgent);
		if (subscribers.find()) {
			this.tally.highest(today(), "feed", service(userAgent) + " " + path, Long.parseLong(subscribers.group(1)));
		}
	}

	LocalDate today() {
		long epochDay = Math.floorDiv(this.clock.millis(), 86_400_000L);
		LocalDate day = this.today;
		if (day.toEpochDay() != epochDay) {
			day = LocalDate.ofEpochDay(epochDay);
			this.today = day;
		}
		return day;
	}

	/**
	 * @return the feed service's name in its {@code User-Agent}: the first product that
	 * is not a browser's ({@code Feedly/1.0}), or the text before its details
	 */
	static String service(String userAgent) {
		Matcher product = PRODUCT.matcher(userAgent);
		while (product.find()) {
			String name = product.group(1).strip();
			if (!name.isEmpty() && !BROWSER_PRODUCT.matcher(name).matches()) {
				return name;
			}
		}
		String head = userAgent.split("[/(;]| - ", 2)[0].strip();
		return head.isEmpty() ? "?" : head.substring(0, Math.min(40, head.length()));
	}

	/**
	 * @return the {@code utm_source} of the blog's own feed and mail links (or anyone
	 * else's), in lower case letters, digits, dots, dashes and underscores
	 */
	static @Nullable String campaign(@Nullable String query) {
		if (query == null) {
			return null;
		}
		Matcher source = CAMPAIGN.matcher(query);
		if (!source.find()) {
			return null;
		}
		String value;
		try {
			value = URLDecoder.decode(source.group(1), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		value = value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "");
		return value.isEmpty() ? null : value.substring(0, Math.min(40, value.length()));
	}

	private static @Nullable String hostOf(@Nullable String host) {
		if (host == null) {
			return null;
		}
		String name = host.strip().toLowerCase(Locale.ROOT);
		int colon = name.lastIndexOf(':');
		return (colon > 0 && !name.endsWith("]")) ? name.substring(0, colon) : name;
	}

}
