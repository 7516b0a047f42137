package blog.admin;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor in a browser without JavaScript, over HTTP: keeps its cookies, and sends
 * forms with the CSRF token the page gave it.
 */
final class Editor {

	static final String PASSWORD = "correct horse battery staple";

	/**
	 * {@link #PASSWORD} as the blog takes it, worked out once (bcrypt is slow on purpose)
	 */
	static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder().encode(PASSWORD);

	private final HttpClient client;

	private final String base;

	private String csrf = "";

	Editor(int port) {
		this("http://127.0.0.1:" + port, null);
	}

	/**
	 * @param base the blog's address, such as {@code https://localhost:8443}
	 * @param tls the TLS context that trusts its certificate, for {@code https}
	 */
	Editor(String base, @Nullable SSLContext tls) {
		HttpClient.Builder client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.cookieHandler(new CookieManager())
			.connectTimeout(Duration.ofSeconds(5));
		if (tls != null) {
			client.sslContext(tls);
		}
		this.client = client.build();
		this.base = base;
	}

	HttpResponse<String> logIn(String username, String password) {
		Document login = open("/login");
		this.csrf = login.selectFirst("form.login-form input[name=_csrf]").val();
		return post("/login", "username", username, "password", password);
	}

	Editor loggedIn() {
		HttpResponse<String> response = logIn("editor", PASSWORD);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location")).hasValue(this.base + "/admin");
		open("/admin"); // the session's CSRF token changed at login
		return this;
	}

	Document open(String path) {
		HttpResponse<String> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		Document page = Jsoup.parse(response.body(), this.base + path);
		page.select("input[name=_csrf]").stream().findFirst().ifPresent((field) -> this.csrf = field.val());
		return page;
	}

	HttpResponse<String> get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET());
	}

	/**
	 * @param fields names and values, in pairs; the CSRF token is added
	 */
	HttpResponse<String> post(String path, String... fields) {
		List<String> form = new ArrayList<>(List.of(fields));
		form.add("_csrf");
		form.add(this.csrf);
		return postExactly(path, form.toArray(String[]::new));
	}

	HttpResponse<String> postExactly(String path, String... fields) {
		List<String> pairs = new ArrayList<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			pairs.add(URLEncoder.encode(fields[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
		}
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(pairs.stream().collect(Collectors.joining("&")))));
	}

	/**
	 * Sends a file as the import form does (multipart, with the CSRF token as a field).
	 * @param withToken whether to send the CSRF token
	 */
	HttpResponse<String> upload(String path, String fileName, byte[] file, boolean withToken) {
		String boundary = "----editor" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		if (withToken) {
			body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + this.csrf
					+ "\r\n")
				.getBytes(StandardCharsets.UTF_8));
		}
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.writeBytes(file);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
	}

	/**
	 * @return the answer's body as bytes
	 */
	HttpResponse<byte[]> download(String path) {
		try {
			return this.client.send(HttpRequest.newBuilder(URI.create(this.base + path)).GET().build(),
					HttpResponse.BodyHandlers.ofByteArray());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Follows a 303 back to the desk.
	 * @return the message the desk shows
	 */
	String confirmation(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303);
		String location = answer.headers().firstValue("Location").orElseThrow();
		return open(location.replace(this.base, "")).selectFirst("p.notice[role=status]").text();
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.client.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(20)).build(),
					HttpResponse.BodyHandlers.ofString());
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
