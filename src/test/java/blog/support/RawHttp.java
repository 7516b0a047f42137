package blog.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

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
		StringBuilder request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: localhost\r\n");
		for (String header : headers) {
			request.append(header).append("\r\n");
		}
		request.append("Accept: text/html\r\nConnection: close\r\n\r\n");
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(text.substring(9, 12));
			return new Answer(status, text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * @param status the HTTP status
	 * @param text the status line, headers and body
	 */
	public record Answer(int status, String text) {
	}

}
