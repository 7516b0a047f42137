package blog.system;

import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * What the web server tells the application of each request it has answered, after the
 * answer went out: for first-party statistics, which count from it without a database
 * write per request. Implemented where the counting is (stats/); called on the server's
 * thread, so an implementation only notes what it needs, at once.
 */
public interface Traffic {

	/**
	 * @param answered a request and its answer's status
	 */
	void answered(Answered answered);

	/**
	 * A request the server has answered: the request as {@link EarlyAnswers.Asked} tells
	 * it ({@code method()} is any method here), with the answer's status.
	 */
	interface Answered extends EarlyAnswers.Asked {

		/**
		 * @return the client's address: the proxy's client when a trusted proxy forwarded
		 * the request ({@code blog.trusted-proxies})
		 */
		String client();

		/**
		 * @return the answer's status
		 */
		int status();

		/**
		 * @return the answer's {@code Content-Type}, if it had one
		 */
		@Nullable String contentType();

		/**
		 * Passes each of the request's headers, name and value, in the order sent: one
		 * look at them all for a counter that needs several, rather than a look per name.
		 * @param header takes a name and its value
		 */
		void eachHeader(BiConsumer<String, String> header);

	}

}
