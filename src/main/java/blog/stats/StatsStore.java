package blog.stats;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Every statement on the statistics' tables: counts added to the daily totals (an update,
 * or an insert when the day's row is new; two instances inserting the same row at once:
 * the second updates), and the figures the desk shows. SQL that H2 and PostgreSQL both
 * run.
 */
@Repository
class StatsStore {

	private final JdbcClient jdbc;

	StatsStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds to a page's day, in a statement of its own (not in a transaction: on
	 * PostgreSQL a failed insert would end it).
	 */
	void addPage(LocalDate day, String path, long views, long visitors) {
		String update = "update stats_page set views = views + :views, visitors = visitors + :visitors"
				+ " where stat_day = :day and path = :path";
		if (this.jdbc.sql(update)
			.param("views", views)
			.param("visitors", visitors)
			.param("day", Date.valueOf(day))
			.param("path", path)
			.update() == 1) {
			return;
		}
		try {
			this.jdbc
				.sql("insert into stats_page (stat_day, path, views, visitors) values (:day, :path, :views, :visitors)")
				.param("day", Date.valueOf(day))
				.param("path", path)
				.param("views", views)
				.param("visitors", visitors)
				.update();
		}
		catch (DuplicateKeyException ex) {
			this.jdbc.sql(update)
				.param("views", views)
				.param("visitors", visitors)
				.param("day", Date.valueOf(day))
				.param("path", path)
				.update();
		}
	}

	/**
	 * Adds to a count's day, or raises it to {@code n} when {@code highest}; in a
	 * statement of its own.
	 */
	void addCount(Tally.Count key, long n, boolean highest) {
		String update = "update stats_count set n = " + (highest ? "greatest(n, :n)" : "n + :n")
				+ " where stat_day = :day and kind = :kind and name = :name";
		if (countStatement(update, key, n) == 1) {
			return;
		}
		try {
			countStatement("insert into stats_count (stat_day, kind, name, n) values (:day, :kind, :name, :n)", key, n);
		}
		catch (DuplicateKeyException ex) {
			countStatement(update, key, n);
		}
	}

	private int countStatement(String sql, Tally.Count key, long n) {
		return this.jdbc.sql(sql)
			.param("n", n)
			.param("day", Date.valueOf(key.day()))
			.param("kind", key.kind())
			.param("name", key.name())
			.update();
	}

	/**
	 * A day's figures of a page, or of the whole blog ({@code *}).
	 */
	record Day(LocalDate day, String path, long views, long visitors) {
	}

	/** the whole blog's days from {@code from} on, the days without a view left out */
	List<Day> blogDays(LocalDate from) {
		return days(from, Tally.BLOG);
	}

	private List<Day> days(LocalDate from, String path) {
		return this.jdbc.sql("select * from stats_page where path = :path and stat_day >= :from order by stat_day")
			.param("path", path)
			.param("from", Date.valueOf(from))
			.query((row, i) -> new Day(row.getDate("stat_day").toLocalDate(), row.getString("path"),
					row.getLong("views"), row.getLong("visitors")))
			.list();
	}

	/** every page's days, oldest first, for the download */
	List<Day> allDays() {
		return this.jdbc.sql("select * from stats_page order by stat_day, path")
			.query((row, i) -> new Day(row.getDate("stat_day").toLocalDate(), row.getString("path"),
					row.getLong("views"), row.getLong("visitors")))
			.list();
	}

	/**
	 * A name and its figure over a time.
	 */
	record Named(String name, long n) {
	}

	/** the pages most viewed from {@code from} on, with their views */
	List<Named> topPages(LocalDate from, int limit) {
		return this.jdbc.sql("""
				select path, sum(views) as n from stats_page where stat_day >= :from and path <> '*'
				group by path order by n desc, path limit :limit""")
			.param("from", Date.valueOf(from))
			.param("limit", limit)
			.query((row, i) -> new Named(row.getString("path"), row.getLong("n")))
			.list();
	}

	/** a kind's names by their sum from {@code from} on, highest first */
	List<Named> top(String kind, LocalDate from, int limit) {
		return this.jdbc.sql("""
				select name, sum(n) as n from stats_count where kind = :kind and stat_day >= :from
				group by name order by n desc, name limit :limit""")
			.param("kind", kind)
			.param("from", Date.valueOf(from))
			.param("limit", limit)
			.query((row, i) -> new Named(row.getString("name"), row.getLong("n")))
			.list();
	}

	/** each feed service's and feed's subscribers on the latest day it reported them */
	List<Named> latestFeeds(LocalDate from) {
		return this.jdbc.sql("""
				select c.name, c.n from stats_count c
				where c.kind = 'feed' and c.stat_day = (select max(d.stat_day) from stats_count d
				  where d.kind = 'feed' and d.name = c.name and d.stat_day >= :from)
				order by c.n desc, c.name""")
			.param("from", Date.valueOf(from))
			.query((row, i) -> new Named(row.getString("name"), row.getLong("n")))
			.list();
	}

	/** deletes the days before {@code before} */
	int purge(LocalDate before) {
		int pages = this.jdbc.sql("delete from stats_page where stat_day < :before")
			.param("before", Date.valueOf(before))
			.update();
		return pages + this.jdbc.sql("delete from stats_count where stat_day < :before")
			.param("before", Date.valueOf(before))
			.update();
	}

}
