package blog.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Reply;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every hostile vector, as a name and as a comment, is stored as written and shown inert.
 */
@BlogTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommentXssTests {

	static final Set<String> ALLOWED_IN_COMMENTS = Set.of("p", "br", "em", "strong", "code", "pre", "blockquote", "ul",
			"ol", "li", "a");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	private final List<Long> ids = new ArrayList<>();

	private Document page;

	private String html;

	@BeforeAll
	void postEveryVector() {
		// an empty thread, so that every vector is on the first page
		Reader.clearThread(this.jdbc, this.events);
		Reader reader = new Reader(new MockWeb(this.mvc));
		assertThat(XssVectors.ALL).hasSizeGreaterThanOrEqualTo(25).hasSizeLessThanOrEqualTo(CommentThread.PER_PAGE);
		for (String vector : XssVectors.ALL) {
			this.ids.add(reader.comment(XssVectors.asName(vector), vector));
		}
		this.html = reader.get(ESSAY).body();
		this.page = Jsoup.parse(this.html);
	}

	@Test
	void everyVectorShouldBeStoredAsWritten() {
		for (int i = 0; i < this.ids.size(); i++) {
			String vector = XssVectors.ALL.get(i);
			String stored = this.jdbc.sql("select body_markdown from comment where id = :id")
				.param("id", this.ids.get(i))
				.query(String.class)
				.single();
			assertThat(stored).isEqualTo(XssVectors.stored(vector));
		}
	}

	@Test
	void namesShouldBeShownAsPlainText() {
		for (int i = 0; i < this.ids.size(); i++) {
			Element comment = this.page.getElementById("comment-" + this.ids.get(i));
			assertThat(comment).as(XssVectors.ALL.get(i)).isNotNull();
			assertThat(comment.selectFirst(".comment-author").wholeText())
				.isEqualTo(XssVectors.stored(XssVectors.asName(XssVectors.ALL.get(i))).strip());
			assertThat(comment.selectFirst(".comment-author").children()).isEmpty();
		}
	}

	@Test
	void commentsShouldHoldOnlyTheAllowedElements() {
		for (Element text : this.page.select(".comment-text")) {
			for (Element element : text.select("*")) {
				if (element != text) {
					assertThat(ALLOWED_IN_COMMENTS).as(element.outerHtml()).contains(element.tagName());
				}
			}
		}
	}

	@Test
	void pageShouldHoldNoScriptNoHandlerAndNoDangerousLink() {
		assertThat(this.page.select("script"))
			.allSatisfy((script) -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
		assertThat(this.page.select("iframe, svg, math, img, object, embed, style, [style], body body")).isEmpty();
		assertThat(this.page.getAllElements()).allSatisfy((element) -> assertThat(element.attributes().asList())
			.noneSatisfy((attribute) -> assertThat(attribute.getKey()).startsWithIgnoringCase("on")));
		assertThat(this.page.select(".comment-text a[href]").eachAttr("href"))
			.allSatisfy((href) -> assertThat(href).matches("(https?|mailto):.*"));
	}

	@Test
	void templateExpressionsShouldBeShownNotEvaluated() {
		String text = this.page.select(".comment-text").text();
		assertThat(text).contains("[[${7*7}]]", "[(${7*7})]", "${T(java.lang.Runtime)");
		// __x__ is Markdown for strong: the expression inside is shown, not evaluated
		assertThat(this.page.select(".comment-text strong").eachText()).contains("${7*7}");
		assertThat(this.page.select(".comment-author").eachText()).doesNotContain("49");
	}

	@Test
	void pageDataShouldStillBeOneValidJsonDocument() throws Exception {
		String data = this.page.selectFirst("script[type=application/ld+json]").data();
		assertThat(data).doesNotContain("</script", "<!--");
		assertThat(JsonMapper.builder().build().readTree(data).path("comment").size())
			.isGreaterThanOrEqualTo(XssVectors.ALL.size());
	}

	@Test
	void pageWithEveryVectorShouldBeValidHtml() {
		assertThat(HtmlChecker.errors(this.html)).isEmpty();
	}

	@Test
	void formSentBackShouldKeepHostileTextInertInItsFields() {
		Reader reader = new Reader(new MockWeb(this.mvc));
		String body = "</textarea><script>alert(1)</script>";
		Reply response = reader.send("name", "\"><script>alert(2)</script>", "body", body, "parent",
				"\"><script>alert(3)</script>");
		assertThat(response.statusCode()).isEqualTo(422);
		Document form = Jsoup.parse(response.body());
		assertThat(form.selectFirst("#body").val()).isEqualTo(body);
		assertThat(form.selectFirst("#name").val()).isEqualTo("\"><script>alert(2)</script>");
		assertThat(form.select("script"))
			.allSatisfy((script) -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
		assertThat(HtmlChecker.errors(response.body())).isEmpty();
	}

}
