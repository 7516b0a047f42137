package blog.admin;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import blog.stats.Statistics;

/**
 * The Statistics page's chart of views and visitors per day, drawn as SVG on the server:
 * two lines over the days, a scale of round numbers, the first, middle and last day
 * named. The numbers are in the table beside it too, for screen readers.
 *
 * @param views the views' line ({@code points} of an SVG polyline)
 * @param visitors the visitors' line
 * @param ticks the scale's marks
 * @param days the days named under the chart
 */
record StatsChart(String views, String visitors, List<Tick> ticks, List<Label> days) {

	static final int WIDTH = 720;

	static final int HEIGHT = 240;

	/** room left of the chart for the scale, and under it for the days */
	static final int LEFT = 48;

	static final int BOTTOM = 24;

	static final int TOP = 8;

	/**
	 * A mark of the scale.
	 *
	 * @param y where, from the top
	 * @param text its number
	 */
	record Tick(double y, String text) {
	}

	/**
	 * A day named under the chart.
	 *
	 * @param x where, from the left
	 * @param text the day
	 * @param anchor the text's anchor: start, middle or end
	 */
	record Label(double x, String text, String anchor) {
	}

	static StatsChart of(List<Statistics.Day> days) {
		long most = 0;
		for (Statistics.Day day : days) {
			most = Math.max(most, Math.max(day.views(), day.visitors()));
		}
		long top = roundUp(Math.max(most, 4));
		double plotWidth = WIDTH - LEFT - 8;
		double plotHeight = HEIGHT - TOP - BOTTOM;
		double step = (days.size() > 1) ? plotWidth / (days.size() - 1) : 0;
		StringBuilder views = new StringBuilder();
		StringBuilder visitors = new StringBuilder();
		for (int i = 0; i < days.size(); i++) {
			double x = LEFT + i * step;
			views.append(point(x, y(days.get(i).views(), top, plotHeight)));
			visitors.append(point(x, y(days.get(i).visitors(), top, plotHeight)));
		}
		List<Tick> ticks = new ArrayList<>();
		for (int i = 0; i <= 4; i++) {
			long value = top * i / 4;
			ticks.add(new Tick(y(value, top, plotHeight), Long.toString(value)));
		}
		List<Label> labels = new ArrayList<>();
		if (!days.isEmpty()) {
			labels.add(new Label(LEFT, date(days.get(0).day()), "start"));
			if (days.size() > 2) {
				labels.add(new Label(LEFT + (days.size() / 2) * step, date(days.get(days.size() / 2).day()), "middle"));
			}
			if (days.size() > 1) {
				labels.add(new Label(LEFT + (days.size() - 1) * step, date(days.get(days.size() - 1).day()), "end"));
			}
		}
		return new StatsChart(views.toString().strip(), visitors.toString().strip(), ticks, labels);
	}

	private static double y(long value, long top, double plotHeight) {
		return TOP + plotHeight - plotHeight * value / top;
	}

	private static String point(double x, double y) {
		return String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y);
	}

	private static String date(LocalDate day) {
		return day.toString();
	}

	/**
	 * the next round number at or above {@code n}: 1, 2 or 5 times a power of ten, and
	 * divisible by 4
	 */
	static long roundUp(long n) {
		long power = 1;
		while (true) {
			for (long factor : new long[] { 1, 2, 4, 5, 8 }) {
				long candidate = factor * power;
				if (candidate >= n && candidate % 4 == 0) {
					return candidate;
				}
			}
			power *= 10;
		}
	}

}
