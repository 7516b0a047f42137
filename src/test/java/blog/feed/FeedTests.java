package blog.feed;

import java.io.StringReader;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import blog.comment.CommentProperties;
import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.MockWeb;
import blog.support.Reply;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_PATH;
import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The feeds, sitemap and robots.txt over HTTP, read back with ROME and checked against
 * Atom's rules (ids unique, every entry updated, linked and authored) and the
 * sitemaps.org schema.
 */
@BlogTest
@Holding(CommentProperties.Moderation.LINKS)
class FeedTests {

	private static final String BASE = "http://localhost:8080";

	@Autowired
	MockMvcTester mvc;

	@Test
	void postsFeedShouldBeAtomWithTheWholeEssay() throws Exception {
		Reply answer = get("/feeds/posts/default");
		assertThat(answer.statusCode()).isEqualTo(200);
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
		Feed feed = atom(answer.body());
		assertThat(feed.getId()).isEqualTo(BASE + "/feeds/posts/default");
		assertThat(feed.getUpdated()).isNotNull();
		assertThat(feed.getOtherLinks()).extracting(Link::getRel, Link::getHref)
			.contains(tuple("self", BASE + "/feeds/posts/default"));
		Entry essay = feed.getEntries().get(0);
		assertThat(essay.getId()).isEqualTo(BASE + ESSAY_PATH);
		assertThat(essay.getTitle()).startsWith("The Dangers of Ignoring Diplomacy");
		// the link carries the feed's campaign for the statistics; the id stays the bare
		// address
		assertThat(essay.getAlternateLinks()).extracting(Link::getHref)
			.containsExactly(BASE + ESSAY_PATH + "?utm_source=feed");
		assertThat(essay.getContents().get(0).getType()).isEqualTo("html");
		assertThat(essay.getContents().get(0).getValue()).contains("<h2", "Global Implications",
				"diplomacy should be seen not as a sign of weakness");
		assertThat(essay.getSummary().getValue()).startsWith("As the war in Ukraine continues");
		assertThat(essay.getCategories()).extracting("term").contains("NuclearDiplomacy", "Geopolitics");
		assertAtomRules(feed);
		assertThat(atom(get("/feeds/posts/summary").body()).getEntries().get(0).getContents()).isEmpty();
	}

	@Test
	void rssShouldCarryTheTextInItsDescription() throws Exception {
		Reply answer = get("/feeds/posts/default?alt=rss");
		assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
		Channel channel = (Channel) new WireFeedInput().build(new StringReader(answer.body()));
		assertThat(channel.getFeedType()).isEqualTo("rss_2.0");
		Item item = channel.getItems().get(0);
		assertThat(item.getLink()).isEqualTo(BASE + ESSAY_PATH + "?utm_source=feed");
		assertThat(item.getGuid().getValue()).isEqualTo(BASE + ESSAY_PATH);
		assertThat(item.getDescription().getValue()).contains("Global Implications");
		assertThat(item.getPubDate()).isNotNull();
	}

	@Test
	void rssFeedsShouldNameNoManagingEditor() throws Exception {
		// RSS 2.0 wants an email address there, and the blog has only its name to give
		for (String path : List.of("/feeds/posts/default?alt=rss", "/feeds/comments/default?alt=rss")) {
			Channel channel = (Channel) new WireFeedInput().build(new StringReader(get(path).body()));
			assertThat(channel.getManagingEditor()).as(path).isNull();
		}
	}

	@Test
	void atomFeedsShouldStillNameTheBlogAsTheirAuthor() throws Exception {
		for (String path : List.of("/feeds/posts/default", "/feeds/comments/default")) {
			assertThat(atom(get(path).body()).getAuthors()).as(path)
				.extracting(SyndPerson::getName)
				.containsExactly("bordode");
		}
	}

	@Test
	void labelFeedShouldHoldItsPostsAndAnUnknownLabelNone() throws Exception {
		Feed feed = atom(get("/feeds/posts/default/-/UkraineWar").body());
		assertThat(feed.getEntries()).extracting(Entry::getId).containsExactly(BASE + ESSAY_PATH);
		assertAtomRules(feed);
		assertThat(get("/feeds/posts/default/-/NoSuchLabel").statusCode()).isEqualTo(404);
		assertThat(get("/feeds/posts/default/-/" + "x".repeat(5000)).statusCode()).isBetween(400, 499);
	}

	@Test
	void commentFeedsShouldHoldPublishedCommentsOnly() throws Exception {
		Reader reader = new Reader(new MockWeb(this.mvc));
		String words = "Feed me " + UUID.randomUUID();
		long shown = reader.comment("Feeder", words + " <script>x</script>");
		reader.send("name", "Held", "body", "Held for a link https://example.org " + words);
		for (String path : List.of("/feeds/" + ESSAY_SLUG + "/comments/default", "/feeds/comments/default")) {
			Feed feed = atom(get(path).body());
			assertThat(feed.getEntries()).as(path).isNotEmpty();
			Entry newest = feed.getEntries().get(0);
			assertThat(newest.getId()).isEqualTo(BASE + "/comments/" + shown);
			assertThat(newest.getAuthors().get(0).getName()).isEqualTo("Feeder");
			assertThat(newest.getContents().get(0).getValue()).contains(words).doesNotContain("<script");
			assertThat(feed.getEntries()).extracting((entry) -> entry.getContents().get(0).getValue())
				.noneMatch((text) -> text.contains("Held for a link"));
			assertAtomRules(feed);
		}
		assertThat(get("/feeds/no-such-post/comments/default").statusCode()).isEqualTo(404);
		Reply place = get("/comments/" + shown);
		assertThat(place.statusCode()).isEqualTo(302);
		assertThat(place.headers().firstValue("Location"))
			.hasValueSatisfying((to) -> assertThat(to).contains(ESSAY_PATH).endsWith("#comment-" + shown));
	}

	@Test
	void feedsShouldAnswer304UntilTheyChangeAndRefuseOddParameters() {
		Reply first = get("/feeds/comments/default");
		String etag = first.headers().firstValue("ETag").orElseThrow();
		assertThat(get("/feeds/comments/default", "If-None-Match", etag).statusCode()).isEqualTo(304);
		new Reader(new MockWeb(this.mvc)).comment("Changer", "A new comment changes the feed " + UUID.randomUUID());
		assertThat(get("/feeds/comments/default", "If-None-Match", etag).statusCode()).isEqualTo(200);
		assertThat(get("/feeds/posts/default?alt=json").statusCode()).isEqualTo(400);
		assertThat(get("/feeds/posts/default?max-results=0").statusCode()).isEqualTo(400);
		assertThat(get("/feeds/posts/default?max-results=abc").statusCode()).isEqualTo(400);
		assertThat(get("/feeds/posts/default?max-results=1").statusCode()).isEqualTo(200);
	}

	@Test
	void everyPageShouldNameItsFeeds() {
		for (String path : List.of("/", ESSAY_PATH, "/search/label/UkraineWar")) {
			Document page = Jsoup.parse(get(path).body());
			assertThat(page.select("head link[rel=alternate][type=application/atom+xml]").eachAttr("href")).as(path)
				.contains("/feeds/posts/default");
			assertThat(page.select("head link[rel=alternate][type=application/rss+xml]").eachAttr("href")).as(path)
				.contains("/feeds/posts/default?alt=rss");
		}
		assertThat(Jsoup.parse(get(ESSAY_PATH).body()).select("head link[rel=alternate]").eachAttr("href"))
			.contains("/feeds/" + ESSAY_SLUG + "/comments/default");
	}

	@Test
	void sitemapShouldFollowTheSchemaAndRobotsPointAtIt() throws Exception {
		Reply sitemap = get("/sitemap.xml");
		assertThat(sitemap.statusCode()).isEqualTo(200);
		SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
			.newSchema(new StreamSource(FeedTests.class.getResourceAsStream("/schemas/sitemap.xsd")))
			.newValidator()
			.validate(new StreamSource(new StringReader(sitemap.body())));
		Document urls = Jsoup.parse(sitemap.body(), "", Parser.xmlParser());
		assertThat(urls.select("url > loc").eachText()).contains(BASE + "/", BASE + ESSAY_PATH,
				BASE + "/search/label/UkraineWar");
		assertThat(urls.select("url > lastmod").eachText()).contains("2024-10-01");
		Reply robots = get("/robots.txt");
		assertThat(robots.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/plain"));
		assertThat(robots.body()).contains("Sitemap: " + BASE + "/sitemap.xml", "Disallow: /admin");
	}

	/**
	 * RFC 4287: ids unique; each entry with an id, a title, updated, an alternate link,
	 * an author
	 */
	private static void assertAtomRules(Feed feed) {
		assertThat(feed.getId()).isNotBlank();
		assertThat(feed.getTitleEx().getValue()).isNotBlank();
		assertThat(feed.getUpdated()).isNotNull();
		Set<String> ids = new HashSet<>();
		for (Entry entry : feed.getEntries()) {
			assertThat(ids.add(entry.getId())).as("unique id " + entry.getId()).isTrue();
			assertThat(entry.getTitleEx().getValue()).isNotBlank();
			assertThat(entry.getUpdated()).isNotNull();
			assertThat(entry.getAlternateLinks()).hasSize(1);
			assertThat(entry.getAuthors().isEmpty() && feed.getAuthors().isEmpty()).isFalse();
		}
	}

	private static Feed atom(String xml) throws Exception {
		Feed feed = (Feed) new WireFeedInput().build(new InputSource(new StringReader(xml)));
		assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
		return feed;
	}

	private Reply get(String path, String... headers) {
		return new MockWeb(this.mvc).get(path, headers);
	}

}
