package blog.post;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.OffsetDateTime;

import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.Scratch;
import blog.support.TestContent;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A blog of three posts (the essay, a newer one and an older one, in a content folder of
 * the test's own): the home page, the links between posts, labels, archives, search, the
 * feeds, and Blogger's old addresses.
 */
@BlogTest
class MorePostsTests {

	static final String NEWER = "/2024/11/talks-in-zurich.html";

	static final String OLDER = "/2023/05/an-older-essay.html";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void threePosts(DynamicPropertyRegistry registry) throws IOException {
		Path content = TestContent.copyTo(Scratch.folder("content"));
		TestContent.write(content, "posts/2024-11-talks-in-zurich.md", """
				---
				title: Talks in Zürich
				slug: talks-in-zurich
				published: 2024-11-20
				description: What a quiet meeting in Switzerland could change.
				labels:
				  - UkraineWar
				  - Switzerland
				---

				Envoys met **quietly** by the lake.
				""");
		TestContent.write(content, "posts/2023-05-an-older-essay.md", """
				---
				title: An older essay
				slug: an-older-essay
				published: 2023-05
				description: Written before the essay on diplomacy.
				labels:
				  - Geopolitics
				---

				Sanctions and their limits.
				""");
		registry.add("blog.content-dir", content::toString);
	}

	@Test
	void homeShouldShowTheNewestPostThenTheOthers() {
		Document home = open("/");
		assertThat(home.selectFirst("article.post h1").text()).isEqualTo("Talks in Zürich");
		assertThat(home.select(".more-posts .post-list h3 a").eachAttr("href")).containsExactly(ESSAY_PATH, OLDER);
		assertThat(home.select(".more-posts .post-list p:not(.post-meta)").eachText())
			.contains("Written before the essay on diplomacy.");
		assertThat(HtmlChecker.errors(get("/").body())).isEmpty();
		assertThat(open(ESSAY_PATH).select(".more-posts")).as("only the home page lists them").isEmpty();
	}

	@Test
	void postsShouldLinkToTheNewerAndTheOlder() {
		Document essay = open(ESSAY_PATH);
		assertThat(essay.selectFirst(".post-nav a.newer").attr("href")).isEqualTo(NEWER);
		assertThat(essay.selectFirst(".post-nav a.older").attr("href")).isEqualTo(OLDER);
		assertThat(open(NEWER).select(".post-nav a.newer")).isEmpty();
		assertThat(open(OLDER).select(".post-nav a.older")).isEmpty();
	}

	@Test
	void labelsShouldListTheirPostsAndTheSidebarAllLabels() {
		Document label = open("/search/label/UkraineWar");
		assertThat(label.select(".post-list h2 a").eachAttr("href")).containsExactly(NEWER, ESSAY_PATH);
		assertThat(label.select(".label-cloud li").eachText()).contains("#UkraineWar (2)", "#Switzerland (1)",
				"#Geopolitics (2)");
		assertThat(get("/search/label/NoSuchLabel").statusCode()).isEqualTo(404);
		assertThat(HtmlChecker.errors(get("/search/label/UkraineWar").body())).isEmpty();
	}

	@Test
	void archivesShouldListAYearAndAMonth() {
		assertThat(open("/2024/").select(".post-list h2 a").eachAttr("href")).containsExactly(NEWER, ESSAY_PATH);
		assertThat(open("/2024/").selectFirst("h1").text()).isEqualTo("Posts of 2024");
		assertThat(open("/2024/10/").select(".post-list h2 a").eachAttr("href")).containsExactly(ESSAY_PATH);
		assertThat(open("/2024/10/").selectFirst("h1").text()).isEqualTo("Posts of October 2024");
		assertThat(open("/2023/05/").select(".post-list h2 a").eachAttr("href")).containsExactly(OLDER);
		assertThat(open("/").select(".archive li").eachText()).containsExactly("November 2024 (1)", "October 2024 (1)",
				"May 2023 (1)");
		for (String none : new String[] { "/2022/", "/2024/12/", "/2024/13/", "/2024/00/", "/9999/99/" }) {
			assertThat(get(none).statusCode()).as(none).isEqualTo(404);
		}
		assertThat(HtmlChecker.errors(get("/2024/10/").body())).isEmpty();
	}

	@Test
	void searchShouldFindEveryWordWhateverItsCaseAndAccents() {
		assertThat(open("/search?q=diplomacy").select(".post-list h2 a").eachAttr("href")).contains(ESSAY_PATH);
		assertThat(open("/search?q=ZURICH+lake").select(".post-list h2 a").eachAttr("href")).containsExactly(NEWER);
		assertThat(open("/search?q=sanctions+limits").select(".post-list h2 a").eachAttr("href"))
			.containsExactly(OLDER);
		Document none = open("/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E");
		assertThat(none.select(".post-list")).isEmpty();
		assertThat(none.selectFirst(".notice").text()).isEqualTo("No post holds all of these words.");
		assertThat(get("/search?q=%3Cscript%3E").body()).doesNotContain("<script>");
		assertThat(open("/search").selectFirst("form.search-form input[name=q]")).isNotNull();
		Reply huge = get("/search?q=" + "word+".repeat(1000));
		assertThat(huge.statusCode()).isEqualTo(400);
		assertThat(Jsoup.parse(huge.body()).selectFirst(".notice").text()).contains("at most 200 characters");
		assertThat(HtmlChecker.errors(get("/search?q=diplomacy").body())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/search?q=", "/search?q=%20", "/search?q=a&q=b", "/search?updated-max=2024-01-01",
			"/search/label/UkraineWar?max-results=5", "/2024/?m=1", "/search?q=%E2%80%94" })
	void oddSearchesShouldNeverFail(String target) {
		assertThat(get(target).statusCode()).as(target).isBetween(200, 499);
	}

	@Test
	void feedsShouldHoldEveryPostNewestFirst() throws Exception {
		Feed all = atom("/feeds/posts/default");
		assertThat(all.getEntries()).extracting(Entry::getId)
			.containsExactly("http://localhost:8080" + NEWER, "http://localhost:8080" + ESSAY_PATH,
					"http://localhost:8080" + OLDER);
		assertThat(atom("/feeds/posts/default/-/Switzerland").getEntries()).hasSize(1);
		assertThat(atom("/feeds/posts/default?max-results=2").getEntries()).hasSize(2);
		assertThat(atom("/feeds/an-older-essay/comments/default").getEntries()).isEmpty();
		assertThat(get("/sitemap.xml").body()).contains(NEWER, OLDER, "/search/label/Switzerland");
	}

	@Test
	void bloggerAddressesShouldLandWhereTheyLedBefore() {
		assertThat(withoutToken(get(ESSAY_PATH + "?m=1").body()))
			.isEqualTo(withoutToken(get(ESSAY_PATH + "?m=0").body()))
			.isEqualTo(withoutToken(get(ESSAY_PATH).body()));
		Document mobile = open(ESSAY_PATH + "?m=1");
		assertThat(mobile.selectFirst("link[rel=canonical]").attr("href"))
			.isEqualTo("http://localhost:8080" + ESSAY_PATH);
		long id = new Reader(new MockWeb(this.mvc)).comment("Blogger reader", "Linked from the old blog.");
		OffsetDateTime written = this.jdbc.sql("select created_at from comment where id = :id")
			.param("id", id)
			.query(OffsetDateTime.class)
			.single();
		Reply old = get(ESSAY_PATH + "?showComment=" + written.toInstant().toEpochMilli());
		assertThat(old.statusCode()).isEqualTo(301);
		assertThat(old.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).contains(ESSAY_PATH).endsWith("#comment-" + id));
		assertThat(get(ESSAY_PATH + "?showComment=1").statusCode()).isEqualTo(200);
		assertThat(get(ESSAY_PATH + "?showComment=abc").statusCode()).isEqualTo(200);
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"token\" value=\"[^\"]*\"", "name=\"token\" value=\"\"");
	}

	private Feed atom(String path) throws Exception {
		return (Feed) new WireFeedInput().build(new InputSource(new StringReader(get(path).body())));
	}

	private Document open(String path) {
		Reply answer = get(path);
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(answer.body());
	}

	private Reply get(String path) {
		return new MockWeb(this.mvc).get(path);
	}

}
