package blog.stats;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PageAddresses#page(String)} tells a page's address without a regular expression:
 * held here to the pattern it stands for.
 */
class PageAddressesTests {

	/**
	 * what a page's address is: the home page, a post, a label, a year or a month, the
	 * search
	 */
	private static final Pattern PAGE = Pattern
		.compile("/|/\\d{4}/\\d{2}/[^/]{1,200}\\.html|/search/label/[^/]{1,200}|/\\d{4}/(?:\\d{2}/)?|/search");

	@Test
	void pagesAreThoseOfThePattern() {
		List<String> known = List.of("/", "/2024/10/the-dangers-of-ignoring-diplomacy.html", "/2024/", "/2024/10/",
				"/search", "/search/label/Diplomacy", "/search/label/", "/search/label/a/b", "/searchx", "/2024",
				"/2024/1/", "/2024/10", "/2024/10/.html", "/2024/10/a.html", "/2024/10/a/b.html", "/2024/10/a.htm",
				"/2024/10/a.html/", "/feeds/posts/default", "/admin", "/x", "", "//", "/20a4/10/a.html",
				"/2024/1a/a.html", "/2024/10/" + "s".repeat(200) + ".html", "/2024/10/" + "s".repeat(201) + ".html",
				"/search/label/" + "l".repeat(200), "/search/label/" + "l".repeat(201), "/2024/10/a\n.html");
		for (String path : known) {
			assertThat(PageAddresses.page(path)).as(path).isEqualTo(PAGE.matcher(path).matches());
		}
		Random random = new Random(17);
		String[] parts = { "/", "2024", "10", "1", "a", ".html", "search", "label", "/search", "/search/label/", ".",
				"x" };
		int pages = 0;
		for (int i = 0; i < 200_000; i++) {
			StringBuilder path = new StringBuilder();
			for (int n = random.nextInt(7); n >= 0; n--) {
				path.append(parts[random.nextInt(parts.length)]);
			}
			String each = path.toString();
			boolean page = PAGE.matcher(each).matches();
			assertThat(PageAddresses.page(each)).as(each).isEqualTo(page);
			pages += page ? 1 : 0;
		}
		// the generated paths hold pages of every kind, not only refusals
		assertThat(pages).isGreaterThan(5_000);
	}

}
