package blog.post;

import blog.support.HtmlChecker;
import blog.support.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page passes the Nu HTML Checker with no error.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class HtmlValidityTests {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/", "/2024/10/the-dangers-of-ignoring-diplomacy-why.html",
			"/search/label/NuclearDiplomacy", "/no/such/page" })
	void pageShouldHaveNoHtmlErrors(String path) {
		String html = new Http(this.port).get(path).body();
		assertThat(HtmlChecker.errors(html)).as(path).isEmpty();
	}

	@Test
	void badRequestPageShouldHaveNoHtmlErrors() {
		String html = new Http(this.port).post("/", "").body();
		assertThat(html).contains("This request could not be answered");
		assertThat(HtmlChecker.errors(html)).isEmpty();
	}

	@Test
	void checkerShouldFindErrorsInBrokenHtml() {
		assertThat(HtmlChecker.errors("<!DOCTYPE html><html lang=en><title>x</title><p><div></span>")).isNotEmpty();
	}

}
