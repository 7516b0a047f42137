package blog.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;

import javax.net.SocketFactory;

/**
 * Sends a request exactly as written, for what HTTP clients would tidy up first:
 * {@code ..} in a path, bad percent escapes, encoded slashes.
 */
public final class RawHttp {

	private RawHttp() {
	}

	/**
	 * @param port the server's port on loopback
	 * @param target the request target, sent byte for byte
	 * @param headers more header lines, such as {@code Accept-Encoding: gzip}
	 * @return the whole answer, status line first
	 */
	public static Answer get(int port, String target, String... headers) {
		return get(SocketFactory.getDefault(), port, target, headers);
	}

	/**
	 * @param sockets how to connect: plain, or TLS from an {@code SSLContext}
	 * @param port the server's port on loopback
	 * @param target the request target, sent byte for byte
	 * @param headers more header lines, such as {@code Accept-Encoding: gzip} (an
	 * {@code Accept} line replaces the default, {@code text/html})
	 * @return the whole answer, status line first
	 */
	public static Answer get(SocketFactory sockets, int port, String target, String... headers) {
		StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		if (Stream.of(headers).noneMatch((header) -> header.regionMatches(true, 0, "Accept:", 0, 7))) {
			request.append("Accept: text/html\r\n");
		}
		request.append("Connection: close\r\n\r\n");
		try (Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] raw = in.readAllBytes();
			String text = new String(raw, StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Answer(status, text, raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Posts a form from a chosen loopback address, so that one test can be many clients:
	 * the server sees each address as a client of its own.
	 * @param from the local address, such as {@code 127.0.0.2}
	 * @param port the server's port on loopback
	 * @param target the request target
	 * @param form the form, already encoded
	 * @param headers more header lines, such as {@code Cookie: …}
	 * @return the whole answer, status line first
	 * @throws IOException when the server cannot be reached or hangs up
	 */
	public static Answer post(InetAddress from, int port, String target, String form, String... headers)
			throws IOException {
		return post(SocketFactory.getDefault(), from, port, target, form, headers);
	}

	/**
	 * Posts a form from a chosen loopback address, as
	 * {@link #post(InetAddress, int, String, String, String...)} does, over the given
	 * sockets (TLS, for one).
	 * @param sockets how to connect: plain, or TLS from an {@code SSLContext}
	 * @param from the local address, such as {@code 127.0.0.2}
	 * @param port the server's port on loopback
	 * @param target the request target
	 * @param form the form, already encoded
	 * @param headers more header lines, such as {@code Cookie: …}
	 * @return the whole answer, status line first
	 * @throws IOException when the server cannot be reached or hangs up
	 */
	public static Answer post(SocketFactory sockets, InetAddress from, int port, String target, String form,
			String... headers) throws IOException {
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		StringBuilder head = new StringBuilder(
				"POST " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n"
						+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length + "\r\n");
		for (String header : headers) {
			head.append(header).append("\r\n");
		}
		head.append("Connection: close\r\n\r\n");
		try (Socket socket = sockets.createSocket(InetAddress.getLoopbackAddress(), port, from, 0)) {
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			byte[] raw = socket.getInputStream().readAllBytes();
			String text = new String(raw, StandardCharsets.UTF_8);
			if (text.length() < 12) {
				throw new IOException("no answer: " + text);
			}
			return new Answer(Integer.parseInt(text.substring(9, 12)), text, raw);
		}
	}

	/**
	 * @param status the HTTP status
	 * @param text the status line, headers and body
	 * @param raw the same, as bytes
	 */
	public record Answer(int status, String text, byte[] raw) {

		/**
		 * @return the body, with chunked transfer coding undone
		 */
		public String body() {
			int at = this.text.indexOf("\r\n\r\n") + 4;
			if (!header("Transfer-Encoding").filter("chunked"::equalsIgnoreCase).isPresent()) {
				return this.text.substring(at);
			}
			// sizes count bytes: read the bytes as ISO-8859-1 (one character each), then
			// the body as UTF-8
			String chunks = new String(this.raw, StandardCharsets.ISO_8859_1);
			at = chunks.indexOf("\r\n\r\n") + 4;
			StringBuilder body = new StringBuilder();
			while (true) {
				int end = chunks.indexOf("\r\n", at);
				int size = Integer.parseInt(chunks.substring(at, end).split(";")[0].strip(), 16);
				if (size == 0) {
					break;
				}
				body.append(chunks, end + 2, end + 2 + size);
				at = end + 2 + size + 2;
			}
			return new String(body.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
		}

		/**
		 * @param name a header's name
		 * @return its first value, if the answer has it
		 */
		public Optional<String> header(String name) {
			for (String line : this.text.substring(0, Math.max(0, this.text.indexOf("\r\n\r\n"))).split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon > 0 && line.substring(0, colon).equalsIgnoreCase(name)) {
					return Optional.of(line.substring(colon + 1).strip());
				}
			}
			return Optional.empty();
		}
	}

}
