package blog.comment;

import blog.support.Http;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static blog.comment.Reader.COMMENTS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment forms Jetty refuses before the blog reads them (too large, too many fields,
 * bytes that are not UTF-8): a short 4xx page, and nothing stored. Seen over real HTTP,
 * where Jetty parses the form.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class CommentHttpIT {

	@LocalServerPort
	int port;

	@Test
	void formsJettyCannotReadShouldGetA4xxPage() {
		Reader reader = new Reader(new Http(this.port));
		assertThat(reader.sendRaw(COMMENTS, "body=" + "a".repeat(2_100_000), "application/x-www-form-urlencoded")
			.statusCode()).isEqualTo(413);
		StringBuilder many = new StringBuilder("name=x&body=y");
		for (int i = 0; i < 5000; i++) {
			many.append("&f").append(i).append("=1");
		}
		// Jetty counts a form over its field limit as too large, too
		assertThat(reader.sendRaw(COMMENTS, many.toString(), "application/x-www-form-urlencoded").statusCode())
			.isEqualTo(413);
		assertThat(reader.sendRaw(COMMENTS, "name=x&body=caf%E9", "application/x-www-form-urlencoded").statusCode())
			.isEqualTo(400);
	}

}
