package blog.support;

import java.util.Map;

/**
 * A way to send requests to the blog: {@link MockWeb} through MockMvc on the shared
 * application context (the fast tests), {@link Http} over real HTTP on a port (the
 * {@code *IT} tests). Reader and editor helpers are written once against this.
 */
public interface Web {

	/**
	 * @return the blog's address as it names itself in absolute links it makes
	 */
	String base();

	/**
	 * @param path the path and query, already encoded
	 * @param headers header names and values, in pairs
	 * @return the answer
	 */
	Reply get(String path, String... headers);

	Reply head(String path, String... headers);

	Reply post(String path, String body, String... headers);

	/**
	 * @param path where to
	 * @param body the form, already encoded
	 * @param headers more header names and values, in pairs
	 * @return the answer to the form, sent as a browser sends one
	 */
	default Reply form(String path, String body, String... headers) {
		String[] all = new String[headers.length + 2];
		all[0] = "Content-Type";
		all[1] = "application/x-www-form-urlencoded";
		System.arraycopy(headers, 0, all, 2, headers.length);
		return post(path, body, all);
	}

	/**
	 * Sends a form with a file, as a browser sends a file input (multipart).
	 * @param path where to
	 * @param fields the form's other fields
	 * @param fileName the file's name
	 * @param file its bytes
	 * @return the answer
	 */
	Reply upload(String path, Map<String, String> fields, String fileName, byte[] file);

	/**
	 * @return a client of its own that keeps the session the blog gives it, as a browser
	 * keeps its cookies
	 */
	Web withSession();

	/**
	 * @param address the client's network address
	 * @return a client of its own that comes from that address (where the transport
	 * allows it)
	 */
	Web from(String address);

}
