package blog.stats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import blog.post.PostCatalog;
import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import blog.support.Web;
import blog.system.Traffic;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is counted, on the real schema in H2: the answers the web server reports (as it
 * reports them after sending, {@link Traffic}), flushed into the daily totals, as the
 * desk reads them. What the web server itself reports is tested with a real one
 * ({@code StatsBrowserIT}).
 */
@BlogTest
class StatsTests {

	static final String ESSAY = TestContent.ESSAY_PATH;

	static final String CHROME = RobotsTests.CHROME;

	@Autowired
	PageViews views;

	@Autowired
	StatsFlusher flusher;

	@Autowired
	Statistics statistics;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	Tally tally;

	@Autowired
	Robots robots;

	@Autowired
	StatsProperties settings;

	@Autowired
	PostCatalog catalog;

	@BeforeEach
	void noFiguresYet() {
		this.flusher.flush();
		this.jdbc.sql("delete from stats_page").update();
		this.jdbc.sql("delete from stats_count").update();
	}

	@Test
	void aReaderShouldBeOneVisitorAndEachReadAView() {
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.10", "User-Agent", CHROME));
		// a reload revalidates: 304
		this.views.answered(answer("GET", ESSAY, null, 304, "203.0.113.10", "User-Agent", CHROME));
		this.views.answered(answer("GET", "/", null, 200, "203.0.113.10", "User-Agent", CHROME));
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.11", "User-Agent", CHROME));
		this.flusher.flush();

		Statistics.Report report = this.statistics.report(7);
		assertThat(report.days()).hasSize(7);
		Statistics.Day today = report.days().get(6);
		assertThat(today.views()).isEqualTo(4);
		assertThat(today.visitors()).isEqualTo(2);
		assertThat(report.pages()).containsExactly(new Statistics.Named(ESSAY, 3), new Statistics.Named("/", 1));
		assertThat(this.statistics.csv()).startsWith("date,path,views,visitors\n")
			.contains(today.day() + "," + ESSAY + ",3,2\n", today.day() + ",/,1,1\n", today.day() + ",*,4,2\n");
	}

	@Test
	void pastMidnightTheSameReaderShouldBeANewVisitor() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		AtomicReference<Instant> now = new AtomicReference<>(
				today.atStartOfDay(ZoneOffset.UTC).minusSeconds(2).toInstant());
		Clock clock = new Clock() {

			@Override
			public ZoneOffset getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(java.time.ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return now.get();
			}

		};
		PageViews views = new PageViews(this.tally, new Visitors(), this.robots, clock, this.settings, this.catalog);
		views.answered(answer("GET", ESSAY, null, 200, "203.0.113.50", "User-Agent", CHROME));
		views.answered(answer("GET", ESSAY, null, 200, "203.0.113.50", "User-Agent", CHROME));
		now.set(now.get().plusSeconds(4));
		views.answered(answer("GET", ESSAY, null, 200, "203.0.113.50", "User-Agent", CHROME));
		this.flusher.flush();
		List<Statistics.Day> days = this.statistics.report(2).days();
		assertThat(days.get(0)).isEqualTo(new Statistics.Day(today.minusDays(1), 2, 1));
		assertThat(days.get(1)).as("a new day's salt: the same reader is new")
			.isEqualTo(new Statistics.Day(today, 1, 1));
	}

	@Test
	void whatIsNotAReadShouldNotCount() {
		this.views.answered(answer("HEAD", ESSAY, null, 200, "203.0.113.20", "User-Agent", CHROME));
		this.views
			.answered(answer("GET", "/2024/10/no-such-post.html", null, 404, "203.0.113.20", "User-Agent", CHROME));
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.20", "User-Agent", CHROME, "Sec-Purpose",
				"prefetch;prerender"));
		this.views
			.answered(answer("GET", ESSAY, null, 200, "203.0.113.20", "User-Agent", CHROME, "Purpose", "prefetch"));
		this.views
			.answered(answer("GET", ESSAY, null, 200, "203.0.113.20", "user-agent", CHROME, "x-purpose", "preview"));
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.20", "User-Agent", CHROME, "X-Moz", "prefetch"));
		this.views.answered(answer("GET", "/admin", null, 200, "203.0.113.20", "User-Agent", CHROME));
		this.views.answered(answer("GET", "/comments/1/delete", "key=x", 200, "203.0.113.20", "User-Agent", CHROME));
		this.views.answered(answer("GET", "/css/blog.css", null, 200, "203.0.113.20", "User-Agent", CHROME));
		this.flusher.flush();
		assertThat(this.statistics.report(7).views()).isZero();
		assertThat(this.jdbc.sql("select count(*) from stats_page").query(Long.class).single()).isZero();
	}

	@Test
	void robotsShouldBeCountedApartByKind() {
		this.views.answered(answer("GET", ESSAY, null, 200, "66.249.66.1", "User-Agent", RobotsTests.GOOGLEBOT));
		this.views.answered(answer("GET", ESSAY, null, 200, "66.249.66.1", "User-Agent", RobotsTests.GOOGLEBOT));
		this.views.answered(answer("GET", ESSAY, null, 200, "192.0.2.5"));
		this.flusher.flush();
		Statistics.Report report = this.statistics.report(7);
		assertThat(report.views()).isZero();
		assertThat(report.robots()).containsExactlyInAnyOrder(new Statistics.Named("search", 2),
				new Statistics.Named("other", 1));
	}

	@Test
	void referrersAndTheBlogsOwnLinksShouldSayWhereReadersCameFrom() {
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.30", "User-Agent", CHROME, "Referer",
				"https://www.google.de/"));
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.31", "User-Agent", CHROME, "Referer",
				"https://forum.example.net/t/diplomacy?secret=1"));
		this.views.answered(answer("GET", ESSAY, null, 200, "203.0.113.32", "User-Agent", CHROME, "Referer",
				"http://localhost" + ESSAY, "Host", "localhost"));
		this.views.answered(answer("GET", ESSAY, "utm_source=feed", 200, "203.0.113.33", "User-Agent", CHROME));
		this.views.answered(answer("GET", ESSAY, "page=2&utm_source=Mail", 200, "203.0.113.34", "User-Agent", CHROME));
		this.flusher.flush();
		Statistics.Report report = this.statistics.report(30);
		assertThat(report.referrers()).containsExactlyInAnyOrder(new Statistics.Named("Google", 1),
				new Statistics.Named("forum.example.net", 1));
		assertThat(report.campaigns()).containsExactlyInAnyOrder(new Statistics.Named("feed", 1),
				new Statistics.Named("mail", 1));
	}

	@Test
	void feedServicesShouldBeCountedByWhatTheySay() {
		String feed = "/feeds/posts/default";
		this.views.answered(answer("GET", feed, null, 200, "192.0.2.9", "User-Agent",
				"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 42 subscribers; )"));
		this.views.answered(answer("GET", feed, null, 304, "192.0.2.9", "User-Agent",
				"Feedly/1.0 (+http://www.feedly.com/fetcher.html; 40 subscribers; )"));
		this.views.answered(answer("GET", feed, null, 200, "192.0.2.10", "User-Agent",
				"Mozilla/5.0 (compatible; Inoreader/1.0; +https://www.inoreader.com; 3 subscribers)"));
		this.views.answered(answer("GET", feed, null, 200, "192.0.2.11", "User-Agent", CHROME));
		this.flusher.flush();
		Statistics.Report report = this.statistics.report(7);
		assertThat(report.feeds()).containsExactly(new Statistics.Named("Feedly " + feed, 42),
				new Statistics.Named("Inoreader " + feed, 3));
		assertThat(report.views()).as("a feed is not a page").isZero();
	}

	@Test
	void aPingShouldCountAClickOnOneOfTheBlogsOwnLinks() {
		Web web = new MockWeb(this.mvc).from("203.0.113.40");
		Reply ping = web.post("/stats/ping", "PING", "Content-Type", "text/ping", "Ping-To", "https://lnkd.in/gHm7pJvK",
				"User-Agent", CHROME);
		assertThat(ping.statusCode()).isEqualTo(204);
		assertThat(ping.header("Set-Cookie")).isEmpty();
		assertThat(web
			.post("/stats/ping", "PING", "Content-Type", "text/ping", "Ping-To", "https://evil.example/", "User-Agent",
					CHROME)
			.statusCode()).isEqualTo(400);
		assertThat(web.post("/stats/ping", "PING", "Content-Type", "text/ping").statusCode()).isEqualTo(400);
		assertThat(web
			.post("/stats/ping", "PING", "Content-Type", "text/ping", "Ping-To", "https://lnkd.in/gHm7pJvK",
					"User-Agent", RobotsTests.GOOGLEBOT)
			.statusCode()).as("a robot's: answered, not counted").isEqualTo(204);
		this.flusher.flush();
		assertThat(this.statistics.report(7).outbound())
			.containsExactly(new Statistics.Named("https://lnkd.in/gHm7pJvK", 1));

		Web flooder = new MockWeb(this.mvc).from("203.0.113.41");
		int limited = 0;
		for (int i = 0; i < PingController.PER_MINUTE + 5; i++) {
			if (flooder
				.post("/stats/ping", "PING", "Content-Type", "text/ping", "Ping-To", "https://lnkd.in/gHm7pJvK",
						"User-Agent", CHROME)
				.statusCode() == 429) {
				limited++;
			}
		}
		assertThat(limited).isEqualTo(5);
	}

	@Test
	void theEssaysOutsideLinksShouldCarryThePing() {
		String page = new MockWeb(this.mvc).get(ESSAY).body();
		assertThat(page).containsPattern(
				"href=\"https://lnkd\\.in/gHm7pJvK\" rel=\"noopener external\" ping=\"http://[^\"/]+/stats/ping\"");
		assertThat(page)
			.containsPattern("href=\"https://bordode\\.blogspot\\.com/[^\"]+\" ping=\"http://[^\"/]+/stats/ping\"");
	}

	@Test
	void theBlogsOwnFeedAndMailLinksShouldCarryTheirSourceAndThePageStayTheSame() {
		Web web = new MockWeb(this.mvc);
		assertThat(web.get("/feeds/posts/default").body()).contains(ESSAY + "?utm_source=feed");
		Reply plain = web.get(ESSAY);
		Reply fromFeed = web.get(ESSAY + "?utm_source=feed");
		assertThat(fromFeed.statusCode()).isEqualTo(200);
		assertThat(fromFeed.header("ETag")).isEqualTo(plain.header("ETag"));
		assertThat(org.jsoup.Jsoup.parse(fromFeed.body()).select("link[rel=canonical]").attr("href")).endsWith(ESSAY)
			.doesNotContain("utm_");
		assertThat(
				web.get(ESSAY + "?utm_source=feed", "If-None-Match", plain.header("ETag").orElseThrow()).statusCode())
			.isEqualTo(304);
	}

	static Traffic.Answered answer(String method, String path, @Nullable String query, int status, String client,
			String... headers) {
		return new Traffic.Answered() {

			@Override
			public String method() {
				return method;
			}

			@Override
			public String path() {
				return path;
			}

			@Override
			public @Nullable String query() {
				return query;
			}

			@Override
			public void eachHeader(java.util.function.BiConsumer<String, String> header) {
				for (int i = 0; i < headers.length; i += 2) {
					header.accept(headers[i], headers[i + 1]);
				}
			}

			@Override
			public @Nullable String header(String name) {
				for (int i = 0; i < headers.length; i += 2) {
					if (headers[i].equalsIgnoreCase(name)) {
						return headers[i + 1];
					}
				}
				return null;
			}

			@Override
			public boolean repeated(String name) {
				return false;
			}

			@Override
			public String client() {
				return client;
			}

			@Override
			public int status() {
				return status;
			}

			@Override
			public @Nullable String contentType() {
				return (status == 200) ? "text/html;charset=UTF-8" : null;
			}

		};
	}

}
