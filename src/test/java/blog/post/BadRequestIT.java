package blog.post;

import blog.support.Pages;
import blog.support.RawHttp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests sent byte for byte, as an attacker or a broken client would: path tricks and
 * odd query strings get a short 4xx page, and a failure inside the application a generic
 * 500 page; none of them shows what runs the blog.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BadRequestIT {

	@LocalServerPort
	int port;

	@ParameterizedTest
	@ValueSource(strings = { "/../pom.xml", "/%2e%2e/pom.xml", "/css/..%2f..%2fpom.xml", "/css/%2e%2e/%2e%2e/pom.xml",
			"/a%2fb", "/..;/pom.xml", "/%00", "/%ff", "/%c0%ae%c0%ae/pom.xml", "/2024/10/..%2f..%2fpom.xml" })
	void pathTrickShouldGetA4xxPage(String target) {
		assertShort4xxPage(target);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/?a=%", "/?a=%zz", "/?q=%ff", "/?q=%c3%28", "/search/label/Geopolitics?q=%e2%82" })
	void malformedQueryShouldGetA400Page(String target) {
		RawHttp.Answer answer = assertShort4xxPage(target);
		assertThat(answer.status()).isEqualTo(400);
	}

	@ParameterizedTest
	@ValueSource(strings = { "/?m=1", "/?m=0", "/?q=%e2%82%ac", "/?x=%3Cscript%3E", "/?a&b&&c==d",
			"/2024/10/the-dangers-of-ignoring-diplomacy-why.html?showComment=1" })
	void harmlessQueryShouldServeThePage(String target) {
		RawHttp.Answer answer = RawHttp.get(this.port, target);
		assertThat(answer.status()).isEqualTo(200);
		assertThat(answer.text()).doesNotContain("<script>");
	}

	@Test
	void failureInsideTheApplicationShouldGetTheGeneric500Page() {
		RawHttp.Answer answer = RawHttp.get(this.port, "/test/failure");
		assertThat(answer.status()).isEqualTo(500);
		assertThat(answer.text()).contains("<h1>Something went wrong</h1>").doesNotContain("secret detail");
		Pages.assertNoInternals(answer.text());
	}

	private RawHttp.Answer assertShort4xxPage(String target) {
		RawHttp.Answer answer = RawHttp.get(this.port, target);
		assertThat(answer.status()).as(target).isBetween(400, 499);
		assertThat(answer.text()).as(target).containsAnyOf("This request could not be answered", "Page not found");
		Pages.assertNoInternals(answer.text());
		return answer;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class FailingPage {

		@Bean
		FailingController failingController() {
			return new FailingController();
		}

	}

	@Controller
	static class FailingController {

		@GetMapping("/test/failure")
		String fail() {
			throw new IllegalStateException("secret detail");
		}

	}

}
