package blog.system;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Answers the application keeps in memory and the web server gives before the servlet
 * layer: a post page that has not changed since it was rendered is the same bytes for
 * every reader, and needs none of the filters, the dispatcher or the templates (see
 * {@link EarlyAnswerHandler}). Implemented where the answers are made (post/); every
 * early answer also carries the security headers that every answer carries.
 * <p>
 * An implementation answers only what it is sure of, and leaves everything else (a page
 * not kept, or changed since; an unusual request) to the application, which then answers
 * as it always does.
 */
public interface EarlyAnswers {

	/**
	 * @param request a GET or HEAD request
	 * @return its answer, or {@code null} to let the application answer
	 */
	@Nullable Answer answer(Asked request);

	/**
	 * What the server tells of a request.
	 */
	interface Asked {

		/**
		 * @return {@code GET} or {@code HEAD}
		 */
		String method();

		/**
		 * @return the path as sent, not decoded
		 */
		String path();

		/**
		 * @return the query as sent, not decoded, if any
		 */
		@Nullable String query();

		/**
		 * @param name a header's name
		 * @return its first value, if sent
		 */
		@Nullable String header(String name);

		/**
		 * @param name a header's name
		 * @return whether it was sent more than once
		 */
		boolean repeated(String name);

	}

	/**
	 * An answer.
	 *
	 * @param status its status
	 * @param headers its headers, but for {@code Content-Length} and those every answer
	 * carries
	 * @param body its body, in parts sent one after the other (none for a 304); a HEAD
	 * request gets its length alone
	 */
	record Answer(int status, List<Header> headers, List<byte[]> body) {

		/**
		 * @return how many bytes the body holds
		 */
		public int length() {
			int length = 0;
			for (byte[] part : this.body) {
				length += part.length;
			}
			return length;
		}

	}

	/**
	 * A header of an answer. Made once and given with many answers: the server keeps its
	 * own encoded form of it here.
	 */
	final class Header {

		private final String name;

		private final String value;

		/** the server's encoded form of it, made on first use */
		private volatile @Nullable Object encoded;

		public Header(String name, String value) {
			this.name = name;
			this.value = value;
		}

		public String name() {
			return this.name;
		}

		public String value() {
			return this.value;
		}

		@Nullable Object encoded() {
			return this.encoded;
		}

		void encoded(Object encoded) {
			this.encoded = encoded;
		}

		@Override
		public String toString() {
			return this.name + ": " + this.value;
		}

	}

}
