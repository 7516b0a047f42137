package blog.post;

import java.net.http.HttpHeaders;
import java.util.List;

import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Pages;
import blog.support.Reply;
import blog.support.Web;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reader's pages over real HTTP, against the real {@code content/}.
 */
@BlogTest
class PostPageTests {

	static final String CANONICAL = "http://localhost:8080" + ESSAY_PATH;

	@Autowired
	MockMvcTester mvc;

	private Web http;

	@BeforeEach
	void connect() {
		this.http = new MockWeb(this.mvc);
	}

	@Test
	void homeShouldServeTheEssayWithCanonicalToItsPermalink() {
		Document page = page("/");
		assertThat(page.selectFirst("article h1").text()).startsWith("The Dangers of Ignoring Diplomacy");
		assertThat(page.select("link[rel=canonical]")).singleElement()
			.satisfies((link) -> assertThat(link.attr("href")).isEqualTo(CANONICAL));
	}

	@Test
	void permalinkShouldServeTheSamePageAsHome() {
		assertThat(get(ESSAY_PATH).body()).isEqualTo(get("/").body());
		assertThat(get(ESSAY_PATH + "?m=1").statusCode()).isEqualTo(200);
	}

	@Test
	void pageShouldBeSemanticHtml() {
		Document page = page(ESSAY_PATH);
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("en");
		assertThat(page.selectFirst("body > a.skip-link").attr("href")).isEqualTo("#main");
		assertThat(page.selectFirst("header .site-title").text()).isEqualTo("bordode");
		assertThat(page.select("main#main > article h1")).hasSize(1);
		assertThat(page.select("h1")).hasSize(1);
		assertThat(page.selectFirst("article time").attr("datetime")).isEqualTo("2024-10");
		assertThat(page.selectFirst("article time").text()).isEqualTo("October 2024");
		assertThat(page.select("article .post-body h2")).hasSize(6);
		assertThat(page.select("main section#comments h2").text()).matches("Comments|1 comment|\\d+ comments");
		assertThat(page.select("aside h2").eachText()).containsExactly("Popular posts from this blog", "Labels",
				"Archive");
		assertThat(page.select("a a")).as("no link inside a link").isEmpty();
	}

	@Test
	void hashtagsShouldLinkToTheirLabelPages() {
		List<String> links = page(ESSAY_PATH).select("article .labels a[rel=tag]").eachAttr("href");
		assertThat(links).hasSize(10).first().isEqualTo("/search/label/NuclearDiplomacy");
		for (String link : links) {
			Document label = page(link);
			assertThat(label.select("main .post-list a").eachAttr("href")).containsExactly(ESSAY_PATH);
		}
	}

	@Test
	void smartNewsCardShouldOpenTheRealAddress() {
		Element card = page(ESSAY_PATH).selectFirst("article .news-card a");
		assertThat(card.attr("href")).isEqualTo("https://lnkd.in/gHm7pJvK");
		assertThat(card.attr("rel")).contains("noopener");
		assertThat(card.text())
			.startsWith("Read \"Germany’s Scholz Plans Phone Call With Putin – Die Zeit\" on SmartNews");
	}

	@Test
	void shareLinksShouldBePlainLinksToThePermalink() {
		Document page = page(ESSAY_PATH);
		List<String> links = page.select(".share-links a").eachAttr("href");
		assertThat(links).hasSize(4);
		assertThat(links.get(0)).startsWith("mailto:?subject=The%20Dangers")
			.endsWith("&body=http%3A%2F%2Flocalhost%3A8080%2F2024%2F10%2Fthe-dangers-of-ignoring-diplomacy-why.html");
		assertThat(links.subList(1, 4)).allSatisfy((link) -> assertThat(link).startsWith("https://")
			.contains("http%3A%2F%2Flocalhost%3A8080%2F2024%2F10%2Fthe-dangers-of-ignoring-diplomacy-why.html"));
		assertThat(page.selectFirst("input#permalink").attr("value")).isEqualTo(CANONICAL);
		assertThat(page.selectFirst("input#permalink").hasAttr("readonly")).isTrue();
		assertThat(page.selectFirst("label[for=permalink]")).isNotNull();
	}

	@Test
	void pageShouldDescribeItselfForSearchAndSharing() {
		Document page = page(ESSAY_PATH);
		assertThat(page.title()).startsWith("The Dangers of Ignoring Diplomacy").endsWith(" – bordode");
		assertThat(meta(page, "name", "description")).startsWith("As the war in Ukraine continues");
		assertThat(meta(page, "property", "og:type")).isEqualTo("article");
		assertThat(meta(page, "property", "og:url")).isEqualTo(CANONICAL);
		assertThat(meta(page, "property", "og:title")).startsWith("The Dangers of Ignoring Diplomacy");
		assertThat(meta(page, "property", "article:published_time")).isEqualTo("2024-10");
		assertThat(meta(page, "name", "twitter:card")).isEqualTo("summary");
		JsonNode data = JsonMapper.builder()
			.build()
			.readTree(page.selectFirst("script[type=application/ld+json]").data());
		assertThat(data.path("@type").asString()).isEqualTo("BlogPosting");
		assertThat(data.path("headline").asString()).isEqualTo(page.selectFirst("h1").text());
		assertThat(data.path("datePublished").asString()).isEqualTo("2024-10");
		assertThat(data.path("keywords")).hasSize(10);
		assertThat(data.path("url").asString()).isEqualTo(CANONICAL);
		assertThat(data.path("isBasedOn").asString())
			.isEqualTo("https://bordode.blogspot.com/2024/10/the-dangers-of-ignoring-diplomacy-why.html");
		assertThat(data.has("author")).as("the seed names no author").isFalse();
	}

	@Test
	void pageShouldLoadNothingFromOtherHostsAndHoldNothingInline() {
		Document page = page(ESSAY_PATH);
		assertThat(page.select("iframe, object, embed, img, video, audio, script[src]")).isEmpty();
		assertThat(page.select("link:not([rel=canonical])").eachAttr("href")).isNotEmpty()
			.allSatisfy((href) -> assertThat(href).startsWith("/").doesNotStartWith("//"));
		assertThat(page.select("[style], style")).isEmpty();
		assertThat(page.select("script"))
			.allSatisfy((script) -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
		assertThat(page.getAllElements()).allSatisfy((element) -> assertThat(element.attributes().asList())
			.noneSatisfy((attribute) -> assertThat(attribute.getKey()).startsWith("on")));
	}

	@Test
	void pageShouldCarryTheSecurityHeadersAndNoCookie() {
		HttpHeaders headers = get(ESSAY_PATH).headers();
		String policy = headers.firstValue("Content-Security-Policy").orElseThrow();
		assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "style-src 'self'")
			.doesNotContain("unsafe-inline", "unsafe-eval", "*");
		assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
		assertThat(headers.firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
		assertThat(headers.firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).isEqualToIgnoringCase("text/html;charset=UTF-8"));
		assertThat(headers.firstValue("Set-Cookie")).isEmpty();
		assertThat(headers.firstValue("Server")).isEmpty();
	}

	@Test
	void pageShouldBeCompressedForClientsThatAcceptIt() {
		Reply answer = this.http.get(ESSAY_PATH, "Accept-Encoding", "gzip");
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.header("Content-Encoding")).hasValue("gzip");
	}

	@Test
	void stylesheetShouldBeFingerprintedAndCachedForAYear() {
		String href = page(ESSAY_PATH).selectFirst("link[rel=stylesheet]").attr("href");
		assertThat(href).matches("/assets/css/blog-[0-9a-f]{32}\\.css");
		Reply css = get(href);
		assertThat(css.statusCode()).isEqualTo(200);
		assertThat(css.headers().firstValue("Cache-Control"))
			.hasValueSatisfying((cache) -> assertThat(cache).contains("max-age=31536000").contains("public"));
	}

	@Test
	void unknownLabelShouldBeNotFound() {
		assertNotFoundPage("/search/label/NoSuchLabel");
	}

	@Test
	void unknownPostShouldBeNotFound() {
		assertNotFoundPage("/2024/10/no-such-post.html");
		assertNotFoundPage("/2024/11/the-dangers-of-ignoring-diplomacy-why.html");
		assertNotFoundPage("/9999/99/x.html");
	}

	@Test
	void unknownPathShouldGetTheFriendly404PageThatLinksHome() {
		assertNotFoundPage("/no/such/page");
		assertNotFoundPage("/pom.xml");
		assertNotFoundPage("/content/site.yaml");
	}

	@Test
	void actuatorShouldExposeHealthAndItsProbesAloneAndNoH2Console() {
		Reply health = this.http.get("/actuator/health", "Accept", "*/*");
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).isEqualTo("{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
		for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
			Reply answer = this.http.get(probe, "Accept", "*/*");
			assertThat(answer.statusCode()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).isEqualTo("{\"status\":\"UP\"}");
		}
		assertThat(this.http.get("/actuator/health/db", "Accept", "*/*").statusCode()).as("components stay hidden")
			.isEqualTo(404);
		for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/info",
				"/actuator/heapdump", "/h2-console", "/h2-console/login.jsp")) {
			assertThat(get(path).statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void wrongMethodShouldGetTheShort4xxPage() {
		Reply result = this.http.post("/", "");
		assertThat(result.statusCode()).isEqualTo(405);
		assertThat(result.body()).contains("This request could not be answered");
		Pages.assertNoInternals(result.body());
	}

	private void assertNotFoundPage(String path) {
		Reply result = get(path);
		assertThat(result.statusCode()).as(path).isEqualTo(404);
		Document page = Jsoup.parse(result.body());
		assertThat(page.selectFirst("h1").text()).isEqualTo("Page not found");
		assertThat(page.select("main a[href=/]")).isNotEmpty();
		Pages.assertNoInternals(result.body());
	}

	@Test
	void searchWithControlCharactersShouldShowThemNowhere() {
		Reply search = get("/search?q=a%00b%01c%7Fd");
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(search.body()).doesNotContain("\u0000", "\u0001", "\u007f");
		Document page = Jsoup.parse(search.body());
		assertThat(page.title()).startsWith("Search: a\uFFFDbcd");
		assertThat(page.selectFirst("input#search-q").val()).isEqualTo("a\uFFFDbcd");
		assertThat(HtmlChecker.errors(search.body())).isEmpty();
	}

	private String meta(Document page, String attribute, String name) {
		return page.selectFirst("meta[" + attribute + "=" + name + "]").attr("content");
	}

	private Document page(String path) {
		Reply result = get(path);
		assertThat(result.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(result.body());
	}

	private Reply get(String path) {
		return this.http.get(path);
	}

}
