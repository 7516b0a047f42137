package blog.comment;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import blog.support.Reply;
import blog.support.TestContent;
import blog.support.Web;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A reader of the essay: opens the page, fills in the comment form as its HTML gives it,
 * and sends it (through MockMvc or over HTTP, whichever {@link Web} it is given).
 */
public final class Reader {

	public static final String ESSAY = TestContent.ESSAY_PATH;

	static final String COMMENTS = ESSAY + "/comments";

	private final Web http;

	private String lastPage = ESSAY;

	public Reader(Web web) {
		this.http = web;
	}

	public Document open(String path) {
		Reply response = this.http.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		return Jsoup.parse(response.body());
	}

	String token() {
		return open(ESSAY).selectFirst("form#comment-form input[name=token]").val();
	}

	/**
	 * @param fields names and values, in pairs; a token is added unless one is given
	 */
	public Reply send(String... fields) {
		Map<String, String> form = new LinkedHashMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.put(fields[i], fields[i + 1]);
		}
		form.putIfAbsent("token", token());
		return sendExactly(COMMENTS, form);
	}

	Reply sendExactly(String path, Map<String, String> form) {
		return this.http.post(path, encode(form), "Content-Type", "application/x-www-form-urlencoded");
	}

	Reply sendRaw(String path, String body, String contentType) {
		return this.http.post(path, body, "Content-Type", contentType);
	}

	/**
	 * Sends a comment and follows the 303 to the page that shows it.
	 * @return the comment's number
	 */
	public long comment(String name, String body, String... more) {
		String[] fields = new String[4 + more.length];
		fields[0] = "name";
		fields[1] = name;
		fields[2] = "body";
		fields[3] = body;
		System.arraycopy(more, 0, fields, 4, more.length);
		Reply response = send(fields);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(303);
		String location = response.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("posted=");
		this.lastPage = location.substring(0, location.indexOf('#'));
		return Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
	}

	/**
	 * @return the page the last comment sent was shown on (the thread may be paged)
	 */
	String lastPage() {
		return this.lastPage;
	}

	public Reply get(String path) {
		return this.http.get(path);
	}

	/**
	 * Empties the essay's thread (replies first: they point at their parents), for a test
	 * that counts what is on its first page.
	 */
	static void clearThread(JdbcClient jdbc, ApplicationEventPublisher events) {
		jdbc.sql("delete from comment where post_slug = :slug and parent_id is not null")
			.param("slug", TestContent.ESSAY_SLUG)
			.update();
		jdbc.sql("delete from comment where post_slug = :slug").param("slug", TestContent.ESSAY_SLUG).update();
		events.publishEvent(CommentsChanged.any(TestContent.ESSAY_SLUG));
	}

	static String encode(Map<String, String> form) {
		return form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
	}

}
