package blog.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.jspecify.annotations.Nullable;

/**
 * A plain HTTP/1.1 client for the blog on a real port: no redirects followed, no cookies
 * kept unless asked, nothing decoded that the server did not decode, so tests see what a
 * reader's browser gets. (Spring's RestTestClient would pick the Jetty 11 client that the
 * Nu checker brings along, which Spring no longer supports.)
 */
public final class Http implements Web {

	private final HttpClient client;

	private final String base;

	private final @Nullable SSLContext tls;

	public Http(int port) {
		this("http://127.0.0.1:" + port, null, false);
	}

	/**
	 * @param base the blog's address, such as {@code https://localhost:8443}
	 * @param tls the TLS context that trusts its certificate, for {@code https}
	 * @param cookies whether to keep cookies
	 */
	public Http(String base, @Nullable SSLContext tls, boolean cookies) {
		HttpClient.Builder client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5));
		if (cookies) {
			client.cookieHandler(new CookieManager());
		}
		if (tls != null) {
			client.sslContext(tls);
		}
		this.client = client.build();
		this.base = base;
		this.tls = tls;
	}

	@Override
	public String base() {
		return this.base;
	}

	@Override
	public Reply get(String path, String... headers) {
		return send(request(path, headers).GET().build());
	}

	@Override
	public Reply head(String path, String... headers) {
		return send(request(path, headers).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
	}

	@Override
	public Reply post(String path, String body, String... headers) {
		return send(request(path, headers).POST(HttpRequest.BodyPublishers.ofString(body)).build());
	}

	@Override
	public Reply upload(String path, Map<String, String> fields, String fileName, byte[] file) {
		String boundary = "----blog" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(StandardCharsets.UTF_8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(request(path, "Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build());
	}

	@Override
	public Web withSession() {
		return new Http(this.base, this.tls, true);
	}

	@Override
	public Web from(String address) {
		throw new UnsupportedOperationException("over HTTP, a test chooses its address with RawHttp");
	}

	private HttpRequest.Builder request(String path, String... headers) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(20))
			.header("Accept", "text/html");
		for (int i = 0; i + 1 < headers.length; i += 2) {
			builder.setHeader(headers[i], headers[i + 1]);
		}
		return builder;
	}

	private Reply send(HttpRequest request) {
		try {
			HttpResponse<byte[]> response = this.client.send(request, HttpResponse.BodyHandlers.ofByteArray());
			return new Reply(response.statusCode(), response.headers(), response.body());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
