package blog.post;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import blog.system.BlogProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changes that come fast are shown together: a page rendered again for a change stays
 * current for {@code blog.rerender-interval}; the first change after a quiet moment is
 * rendered at once.
 */
class KeptPagesTests {

	private final KeptPages kept = new KeptPages(new BlogProperties(Path.of("content"), Path.of("data"), null, null,
			false, Duration.ofMillis(500), Duration.ofMillis(200), null));

	@Test
	void changesWithinTheIntervalShouldBeRenderedTogetherAfterIt() throws Exception {
		KeptPages.Kept first = page(1);
		this.kept.renderOnce("page", null, () -> first);
		assertThat(this.kept.current(first, 1)).isTrue();
		assertThat(this.kept.current(first, 2)).as("the first change after a quiet moment: rendered at once").isFalse();
		KeptPages.Kept second = page(2);
		this.kept.renderOnce("page", first, () -> second);
		assertThat(this.kept.current(second, 3)).as("the next change within 200 ms waits for the interval").isTrue();
		Thread.sleep(250);
		assertThat(this.kept.current(second, 3)).as("after it, rendered").isFalse();
	}

	@Test
	void pageRenderedAgainAtTheSameVersionShouldNotDelayTheNextChange() throws Exception {
		KeptPages.Kept first = page(1);
		this.kept.renderOnce("page", null, () -> first);
		KeptPages.Kept again = page(1);
		this.kept.renderOnce("page", first, () -> again);
		assertThat(this.kept.current(again, 2)).isFalse();
	}

	@Test
	void ifNoneMatchShouldMatchWeaklyAndTakeAnything() {
		String etag = "W/\"0123456789abcdef01234567-499053\"";
		assertThat(KeptPageAnswers.matches(etag, etag)).isTrue();
		assertThat(KeptPageAnswers.matches("\"0123456789abcdef01234567-499053\"", etag)).as("weak comparison").isTrue();
		assertThat(KeptPageAnswers.matches("\"other\", " + etag, etag)).isTrue();
		assertThat(KeptPageAnswers.matches("*", etag)).isTrue();
		for (String odd : new String[] { "", "garbage", "\"unterminated", "W/", ",,,", "W/\"x\"; junk" }) {
			assertThat(KeptPageAnswers.matches(odd, etag)).as(odd).isFalse();
		}
	}

	private static KeptPages.Kept page(long version) {
		SplicedPage page = new SplicedPage(("<p>version " + version + "</p>").getBytes(StandardCharsets.UTF_8),
				"@@token@@".getBytes(StandardCharsets.US_ASCII));
		return new KeptPages.Kept(page, version, "digest" + version, "text/html;charset=UTF-8", "en");
	}

}
