package blog.stats;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import blog.post.MostRead;

import org.springframework.stereotype.Service;

/**
 * The statistics as the editor's desk reads them: the blog's views and visitors per day,
 * the pages most read, where readers came from, the links they followed out, robots by
 * kind and feed subscribers, over the last 7, 30 or 365 days; and the daily figures as
 * CSV. Counts of the last few seconds are still in memory, and show at the next flush.
 */
@Service
public class Statistics implements MostRead {

	private final StatsStore store;

	private final Clock clock;

	Statistics(StatsStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/**
	 * One day of the blog.
	 *
	 * @param day the day (UTC)
	 * @param views page views by people
	 * @param visitors people who viewed a page that day
	 */
	public record Day(LocalDate day, long views, long visitors) {
	}

	/**
	 * A name and its figure.
	 *
	 * @param name the page's address, the site's name, the link, the kind of robot, the
	 * feed service and feed
	 * @param n its figure
	 */
	public record Named(String name, long n) {
	}

	/**
	 * What the desk shows of a time.
	 *
	 * @param days each day of the time, oldest first, days without a view as 0
	 * @param pages the pages most viewed
	 * @param referrers the sites readers came from
	 * @param campaigns readers from the blog's feeds and mails ({@code utm_source})
	 * @param outbound the links readers followed out
	 * @param robots robots' page views by kind
	 * @param feeds feed services' subscribers, as they last said
	 */
	public record Report(List<Day> days, List<Named> pages, List<Named> referrers, List<Named> campaigns,
			List<Named> outbound, List<Named> robots, List<Named> feeds) {

		public List<Day> newestFirst() {
			List<Day> days = new ArrayList<>(this.days);
			java.util.Collections.reverse(days);
			return days;
		}

		public long views() {
			return this.days.stream().mapToLong(Day::views).sum();
		}

	}

	/**
	 * @param days 7, 30 or 365 (or any number from 1 to 3660)
	 * @return the last {@code days} days, today included
	 */
	public Report report(int days) {
		int span = Math.max(1, Math.min(days, 3660));
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		LocalDate from = today.minusDays(span - 1L);
		Map<LocalDate, StatsStore.Day> stored = new HashMap<>();
		this.store.blogDays(from).forEach((day) -> stored.put(day.day(), day));
		List<Day> each = new ArrayList<>();
		for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
			StatsStore.Day found = stored.get(day);
			each.add(new Day(day, (found != null) ? found.views() : 0, (found != null) ? found.visitors() : 0));
		}
		return new Report(each, named(this.store.topPages(from, 20)), named(this.store.top("referrer", from, 20)),
				named(this.store.top("campaign", from, 20)), named(this.store.top("outbound", from, 20)),
				named(this.store.top("robot", from, 20)), named(this.store.latestFeeds(from)));
	}

	/**
	 * @return every day's figures of each page and of the whole blog ({@code *}), oldest
	 * first, as {@code date,path,views,visitors} lines with that header
	 */
	public String csv() {
		StringBuilder csv = new StringBuilder("date,path,views,visitors\n");
		for (StatsStore.Day day : this.store.allDays()) {
			csv.append(day.day())
				.append(',')
				.append(csvField(day.path()))
				.append(',')
				.append(day.views())
				.append(',')
				.append(day.visitors())
				.append('\n');
		}
		return csv.toString();
	}

	@Override
	public List<String> paths(int days, int limit) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		return this.store.topPages(today.minusDays(days - 1L), limit * 4)
			.stream()
			.map(StatsStore.Named::name)
			.filter((path) -> path.endsWith(".html"))
			.limit(limit)
			.toList();
	}

	private static List<Named> named(List<StatsStore.Named> found) {
		Map<String, Long> merged = new LinkedHashMap<>();
		found.forEach((each) -> merged.merge(each.name(), each.n(), Long::sum));
		return merged.entrySet().stream().map((each) -> new Named(each.getKey(), each.getValue())).toList();
	}

	private static String csvField(String text) {
		if (text.matches("[^,\"\\r\\n]*") && !text.matches("[=+\\-@].*")) {
			return text;
		}
		// quoted, and a leading formula character defused, for spreadsheets
		String safe = text.matches("[=+\\-@].*") ? "'" + text : text;
		return "\"" + safe.replace("\"", "\"\"") + "\"";
	}

}
