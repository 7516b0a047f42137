package blog.admin;

import blog.support.Http;
import blog.support.Reply;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The desk's session cookie as Tomcat sets it (its attributes come from the server's
 * configuration, so they are seen over real HTTP).
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class DeskHttpIT {

	@LocalServerPort
	int port;

	@Test
	void loginShouldSetAStrictHttpOnlyCookieAndLogoutEndIt() {
		Editor editor = new Editor(new Http(this.port));
		Reply login = editor.logIn("editor", Editor.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("JSESSIONID=")
				.contains("HttpOnly")
				.contains("SameSite=Strict")
				.doesNotContain("Secure"));
		Document desk = editor.open("/admin");
		assertThat(desk.selectFirst("h1").text()).isEqualTo("Comments");
		assertThat(editor.post("/logout").statusCode()).isEqualTo(302);
		assertThat(editor.get("/admin").statusCode()).isEqualTo(302);
	}

}
