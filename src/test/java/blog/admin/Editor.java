package blog.admin;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import blog.support.Reply;
import blog.support.TestEditor;
import blog.support.Web;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor in a browser without JavaScript: keeps its session, and sends forms with the
 * CSRF token the page gave it (through MockMvc or over HTTP, whichever {@link Web} it is
 * given).
 */
final class Editor {

	static final String PASSWORD = TestEditor.PASSWORD;

	static final String PASSWORD_HASH = TestEditor.PASSWORD_HASH;

	private final Web web;

	private String csrf = "";

	Editor(Web web) {
		this.web = web.withSession();
	}

	Reply logIn(String username, String password) {
		Document login = open("/login");
		this.csrf = login.selectFirst("form.login-form input[name=_csrf]").val();
		return post("/login", "username", username, "password", password);
	}

	Editor loggedIn() {
		Reply response = logIn("editor", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(response.location()).isEqualTo("/admin");
		open("/admin"); // the session's CSRF token changed at login
		return this;
	}

	Document open(String path) {
		Reply response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		Document page = Jsoup.parse(response.body(), this.web.base() + path);
		page.select("input[name=_csrf]").stream().findFirst().ifPresent((field) -> this.csrf = field.val());
		return page;
	}

	Reply get(String path) {
		return this.web.get(path);
	}

	/**
	 * @param fields names and values, in pairs; the CSRF token is added
	 */
	Reply post(String path, String... fields) {
		List<String> form = new ArrayList<>(List.of(fields));
		form.add("_csrf");
		form.add(this.csrf);
		return postExactly(path, form.toArray(String[]::new));
	}

	Reply postExactly(String path, String... fields) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return this.web.post(path, String.join("&", pairs), "Content-Type", "application/x-www-form-urlencoded");
	}

	/**
	 * Sends a file as the import form does (multipart, with the CSRF token as a field).
	 * @param withToken whether to send the CSRF token
	 */
	Reply upload(String path, String fileName, byte[] file, boolean withToken) {
		return this.web.upload(path, withToken ? Map.of("_csrf", this.csrf) : Map.of(), fileName, file);
	}

	/**
	 * @return the answer, its body as bytes
	 */
	Reply download(String path) {
		return this.web.get(path);
	}

	/**
	 * Follows a 303 back to the desk.
	 * @return the message the desk shows
	 */
	String confirmation(Reply answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
		return open(answer.location()).selectFirst("p.notice[role=status]").text();
	}

}
