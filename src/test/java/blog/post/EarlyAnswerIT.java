package blog.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import blog.comment.Reader;
import blog.support.Http;
import blog.support.Reply;
import blog.support.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept pages over real HTTP, answered by Jetty before the servlet layer
 * ({@code system/EarlyAnswerHandler}, {@link KeptPageAnswers}): the same status, headers
 * and bytes as the answer the application rendered, and a change seen at once.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class EarlyAnswerIT {

	static final String ESSAY = TestContent.ESSAY_PATH;

	@LocalServerPort
	int port;

	@Autowired
	KeptPageAnswers early;

	@Autowired
	KeptPages kept;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			GET  | /2024/10/the-dangers-of-ignoring-diplomacy-why.html | Accept-Encoding | identity
			GET  | /2024/10/the-dangers-of-ignoring-diplomacy-why.html | Accept-Encoding | gzip, deflate, br
			HEAD | /2024/10/the-dangers-of-ignoring-diplomacy-why.html?page=1 | Accept-Encoding | gzip
			GET  | /                                                  | Accept-Language | de-DE,de;q=0.9
			""")
	void keptPageShouldBeAnsweredEarlyAsTheApplicationAnswered(String method, String target, String name, String value)
			throws IOException {
		Http http = new Http(this.port);
		long renders = this.kept.renders();
		long answered = this.early.answered();
		Reply rendered = "HEAD".equals(method) ? http.head(target, name, value) : http.get(target, name, value);
		Reply early = "HEAD".equals(method) ? http.head(target, name, value) : http.get(target, name, value);
		assertThat(this.early.answered() - answered).as("the second from memory, before the servlet layer")
			.isGreaterThanOrEqualTo(1);
		assertThat(this.kept.renders() - renders).isLessThanOrEqualTo(1);
		assertThat(early.statusCode()).isEqualTo(rendered.statusCode()).isEqualTo(200);
		assertThat(headers(early)).isEqualTo(headers(rendered));
		assertThat(withoutToken(text(early))).isEqualTo(withoutToken(text(rendered)));
		if ("GET".equals(method)) {
			assertThat(early.bytes()).hasSize(Integer.parseInt(early.header("Content-Length").orElseThrow()));
		}
	}

	@Test
	void currentETagShouldGetA304FromMemory() {
		Http http = new Http(this.port);
		String etag = http.get(ESSAY).header("ETag").orElseThrow();
		long answered = this.early.answered();
		Reply again = http.get(ESSAY, "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.bytes()).isEmpty();
		assertThat(again.header("ETag")).hasValue(etag);
		assertThat(again.header("Cache-Control")).hasValue("no-cache");
		assertThat(again.header("Content-Security-Policy")).isPresent();
		assertThat(this.early.answered() - answered).isEqualTo(1);
	}

	@Test
	void commentShouldBeOnTheNextPageAtOnce() {
		Http http = new Http(this.port);
		http.get(ESSAY);
		String words = "Seen at once " + UUID.randomUUID();
		new Reader(http).comment("Early", words);
		assertThat(http.get(ESSAY).body()).contains(words);
		assertThat(http.get(ESSAY, "Accept-Encoding", "gzip").statusCode()).isEqualTo(200);
	}

	private static Map<String, String> headers(Reply reply) {
		Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		reply.headers().map().forEach((name, values) -> headers.put(name, String.join(", ", values)));
		headers.remove("Date");
		return headers;
	}

	private static String text(Reply reply) throws IOException {
		if (!"gzip".equals(reply.header("Content-Encoding").orElse(null)) || reply.bytes().length == 0) {
			return reply.body();
		}
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(reply.bytes()))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"token\" value=\"[^\"]+\"", "name=\"token\"");
	}

}
