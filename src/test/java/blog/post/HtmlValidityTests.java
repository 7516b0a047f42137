package blog.post;

import blog.support.BlogTest;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page passes the Nu HTML Checker with no error.
 */
@BlogTest
class HtmlValidityTests {

	@Autowired
	MockMvcTester mvc;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/2024/10/the-dangers-of-ignoring-diplomacy-why.html",
			"/search/label/NuclearDiplomacy", "/no/such/page" })
	void pageShouldHaveNoHtmlErrors(String path) {
		String html = new MockWeb(this.mvc).get(path).body();
		assertThat(HtmlChecker.errors(html)).as(path).isEmpty();
	}

	@Test
	void badRequestPageShouldHaveNoHtmlErrors() {
		String html = new MockWeb(this.mvc).post("/", "").body();
		assertThat(html).contains("This request could not be answered");
		assertThat(HtmlChecker.errors(html)).isEmpty();
	}

	@Test
	void checkerShouldFindErrorsInBrokenHtml() {
		assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>")).isNotEmpty();
	}

}
