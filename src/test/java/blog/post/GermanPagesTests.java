package blog.post;

import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import blog.support.Web;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The blog's own words in German for a reader whose browser asks for it
 * ({@code Accept-Language: de}); the essay stays as written, in English.
 */
@BlogTest
class GermanPagesTests {

	@Autowired
	MockMvcTester mvc;

	private Web web;

	@BeforeEach
	void connect() {
		this.web = new MockWeb(this.mvc);
	}

	@Test
	void germanReaderShouldGetTheBlogsWordsInGermanAndTheEssayAsWritten() {
		Reply german = this.web.get(ESSAY_PATH, "Accept-Language", "de-DE,de;q=0.9,en;q=0.5");
		Document page = Jsoup.parse(german.body());
		assertThat(page.selectFirst("html").attr("lang")).isEqualTo("de");
		assertThat(page.selectFirst("article.post").attr("lang")).as("the essay is English").isEqualTo("en");
		assertThat(german.header("Content-Language")).hasValue("de");
		assertThat(page.selectFirst("#comments-title").text()).matches("Kommentare|1 Kommentar|\\d+ Kommentare");
		assertThat(page.selectFirst("#comment-form-title").text()).isEqualTo("Einen Kommentar schreiben");
		assertThat(page.selectFirst("#comment-form button[type=submit]").text()).isEqualTo("Kommentar senden");
		assertThat(page.select("aside h2").eachText()).containsExactly("Beliebte Beiträge aus diesem Blog", "Labels",
				"Archiv");
		assertThat(page.selectFirst("article time").text()).isEqualTo("Oktober 2024");
		assertThat(page.selectFirst("article .news-card a").text())
			.startsWith("„Germany’s Scholz Plans Phone Call With Putin – Die Zeit“ auf SmartNews lesen: ");

		Document english = Jsoup.parse(this.web.get(ESSAY_PATH).body());
		assertThat(page.selectFirst("article h1").outerHtml()).isEqualTo(english.selectFirst("article h1").outerHtml());
		assertThat(page.selectFirst("article .post-body").outerHtml())
			.isEqualTo(english.selectFirst("article .post-body").outerHtml());
		assertThat(page.select("article .labels a").eachText())
			.isEqualTo(english.select("article .labels a").eachText());
	}

	@Test
	void englishShouldStayTheDefaultAndEachLanguageBeKeptApart() {
		this.web.get(ESSAY_PATH, "Accept-Language", "de");
		for (String accept : new String[] { null, "en-GB", "fr, es;q=0.8" }) {
			Reply answer = (accept != null) ? this.web.get(ESSAY_PATH, "Accept-Language", accept)
					: this.web.get(ESSAY_PATH);
			Document page = Jsoup.parse(answer.body());
			assertThat(page.selectFirst("html").attr("lang")).as(accept).isEqualTo("en");
			assertThat(page.selectFirst("article.post").hasAttr("lang")).as(accept).isFalse();
			assertThat(page.selectFirst("#comment-form-title").text()).as(accept).isEqualTo("Leave a comment");
			assertThat(answer.header("Vary"))
				.hasValueSatisfying((vary) -> assertThat(vary).contains("Accept-Language"));
		}
	}

	@Test
	void germanReaderShouldGetGermanMessagesWhenAFormComesBack() {
		Document page = Jsoup.parse(this.web.get(ESSAY_PATH, "Accept-Language", "de").body());
		String token = page.selectFirst("input[name=token]").val();
		Reply refused = this.web.form(TestContent.ESSAY_PATH + "/comments", "token=" + token + "&name=&body=Hallo",
				"Accept-Language", "de");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(Jsoup.parse(refused.body()).selectFirst("#name-error").text())
			.isEqualTo("Bitte geben Sie einen Namen an (bis zu 80 Zeichen).");
		assertThat(Jsoup.parse(refused.body()).selectFirst("#body").val()).isEqualTo("Hallo");
	}

	@Test
	void germanReaderShouldGetGermanListsAndErrorPages() {
		Document label = Jsoup.parse(this.web.get("/search/label/NuclearDiplomacy", "Accept-Language", "de").body());
		assertThat(label.selectFirst("h1").text()).isEqualTo("Beiträge mit dem Label #NuclearDiplomacy");
		Document archive = Jsoup.parse(this.web.get("/2024/10/", "Accept-Language", "de").body());
		assertThat(archive.selectFirst("h1").text()).isEqualTo("Beiträge aus Oktober 2024");
		Reply missing = this.web.get("/no/such/page", "Accept-Language", "de");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(Jsoup.parse(missing.body()).selectFirst("h1").text()).isEqualTo("Seite nicht gefunden");
	}

}
