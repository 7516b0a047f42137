package blog.support;

import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the blog answered to one request, whichever way it was sent (through MockMvc, or
 * over HTTP): the status, the headers and the body, as a browser gets them.
 *
 * @param statusCode the status
 * @param headers the headers, names in any case
 * @param bytes the body
 */
public record Reply(int statusCode, HttpHeaders headers, byte[] bytes) {

	/**
	 * @return the body as UTF-8 text
	 */
	public String body() {
		return new String(this.bytes, StandardCharsets.UTF_8);
	}

	/**
	 * @return the status (as {@link RawHttp.Answer} names it)
	 */
	public int status() {
		return this.statusCode;
	}

	/**
	 * @param name a header's name
	 * @return its first value, if it was sent
	 */
	public Optional<String> header(String name) {
		return this.headers.firstValue(name);
	}

	/**
	 * @return the status, the headers and the body, for a test's message
	 */
	public String text() {
		StringBuilder text = new StringBuilder().append(this.statusCode).append('\n');
		this.headers.map()
			.forEach((name, values) -> values
				.forEach((value) -> text.append(name).append(": ").append(value).append('\n')));
		return text.append('\n').append(body()).toString();
	}

	/**
	 * @return the {@code Location} header, without the blog's own address in front
	 */
	public String location() {
		return this.headers.firstValue("Location").orElseThrow().replaceFirst("^https?://[^/]+", "");
	}

}
