package blog.admin;

import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneOffset;

import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's Statistics page over a month of figures: the chart drawn on the server with
 * its table, the parts beside it, valid HTML; the CSV download; the editor's only.
 */
@BlogTest
class StatsDeskTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	private Editor editor;

	private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

	@BeforeEach
	void aMonthOfFigures() {
		this.editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		this.jdbc.sql("delete from stats_page").update();
		this.jdbc.sql("delete from stats_count").update();
		for (int i = 0; i < 30; i++) {
			LocalDate day = this.today.minusDays(i);
			page(day, "*", 100 + i * 3, 40 + i);
			page(day, TestContent.ESSAY_PATH, 90 + i * 3, 38 + i);
			page(day, "/", 10, 5);
		}
		count("referrer", "Google", 12);
		count("referrer", "forum.example.net", 3);
		count("outbound", "https://lnkd.in/gHm7pJvK", 7);
		count("robot", "search", 55);
		count("campaign", "feed", 4);
		count("feed", "Feedly /feeds/posts/default", 42);
	}

	@Test
	void theStatisticsPageShouldShowAMonth() {
		Reply answer = this.editor.get("/admin/stats?days=30");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(HtmlChecker.errors(answer.body())).isEmpty();
		Document page = org.jsoup.Jsoup.parse(answer.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Statistics");
		assertThat(page.select("svg[role=img]").attr("aria-label")).contains("the last 30 days");
		assertThat(page.select("svg polyline.stats-views").attr("points").split(" ")).hasSize(30);
		assertThat(page.select("details table tbody tr")).hasSize(30);
		assertThat(page.select("details table tbody tr").first().select("td").eachText()).containsExactly("100", "40");
		assertThat(page.text()).contains("Google", "forum.example.net", "https://lnkd.in/gHm7pJvK", "Search engines",
				"Feedly /feeds/posts/default", "42");
		assertThat(page.select("nav.tabs a[aria-current=page]").text()).isEqualTo("30 days");
		Document week = this.editor.open("/admin/stats?days=7");
		assertThat(week.select("details table tbody tr")).hasSize(7);
		assertThat(this.editor.open("/admin/stats?days=nonsense").select("details table tbody tr")).hasSize(30);
	}

	@Test
	void theDailyFiguresShouldDownloadAsCsv() {
		Reply csv = this.editor.download("/admin/stats.csv");
		assertThat(csv.header("Content-Type").orElseThrow()).startsWith("text/csv");
		String[] lines = csv.body().split("\n");
		assertThat(lines[0]).isEqualTo("date,path,views,visitors");
		assertThat(lines).hasSize(1 + 90).contains(this.today + "," + TestContent.ESSAY_PATH + ",90,38");
	}

	@Test
	void theStatisticsShouldBeTheEditorsOnly() {
		assertThat(new MockWeb(this.mvc).get("/admin/stats").statusCode()).isEqualTo(302);
		assertThat(new MockWeb(this.mvc).get("/admin/stats.csv").statusCode()).isEqualTo(302);
	}

	private void page(LocalDate day, String path, long views, long visitors) {
		this.jdbc
			.sql("insert into stats_page (stat_day, path, views, visitors) values (:day, :path, :views, :visitors)")
			.param("day", Date.valueOf(day))
			.param("path", path)
			.param("views", views)
			.param("visitors", visitors)
			.update();
	}

	private void count(String kind, String name, long n) {
		this.jdbc.sql("insert into stats_count (stat_day, kind, name, n) values (:day, :kind, :name, :n)")
			.param("day", Date.valueOf(this.today))
			.param("kind", kind)
			.param("name", name)
			.param("n", n)
			.update();
	}

}
