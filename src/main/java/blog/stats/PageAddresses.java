package blog.stats;

/**
 * The addresses that are pages a reader reads, told without a regular expression since
 * {@link PageViews} asks once a request.
 */
final class PageAddresses {

	private PageAddresses() {
	}

	/**
	 * @return whether the path is a page's: {@code /}, a post's
	 * ({@code /2024/10/slug.html}), a year's or a month's list ({@code /2024/},
	 * {@code /2024/10/}), a label's ({@code /search/label/name}) or the search; the same
	 * as the pattern in {@code PageAddressesTests}, told without a regular expression,
	 * since it is asked once a request
	 */
	static boolean page(String path) {
		int length = path.length();
		if (path.startsWith("/search")) {
			return length == 7
					|| (path.startsWith("/search/label/") && length > 14 && length <= 214 && path.indexOf('/', 14) < 0);
		}
		if (length == 0 || path.charAt(0) != '/') {
			return false;
		}
		if (length == 1) {
			return true;
		}
		if (length < 6 || !digits(path, 1, 5) || path.charAt(5) != '/') {
			return false;
		}
		if (length == 6) {
			return true;
		}
		if (length < 9 || !digits(path, 6, 8) || path.charAt(8) != '/') {
			return false;
		}
		return length == 9 || (length >= 15 && length <= 214 && path.endsWith(".html") && path.indexOf('/', 9) < 0);
	}

	private static boolean digits(String text, int from, int to) {
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

}
