package blog.post;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A page kept with a part spliced in per request: both forms, plain and gzip, hold
 * exactly the page with the part in its place.
 */
class SplicedPageTests {

	static final byte[] PLACEHOLDER = "@@placeholder@@".getBytes(StandardCharsets.US_ASCII);

	@ParameterizedTest(name = "{0} bytes around it")
	@ValueSource(ints = { 0, 1, 100, 8191, 8192, 70_000, 300_000 })
	void gzipShouldHoldThePageWithThePartInPlace(int size) throws IOException {
		Random random = new Random(size);
		String before = text(random, size);
		String after = text(random, size / 2 + 1);
		SplicedPage page = new SplicedPage((before + "@@placeholder@@" + after).getBytes(StandardCharsets.UTF_8),
				PLACEHOLDER);
		for (String part : new String[] { "1795587692.WPMpmSriGbmf6xP6PlZDqb", "x", "" }) {
			String expected = before + part + after;
			assertThat(gunzip(page.gzip(part))).isEqualTo(expected);
			assertThat(plain(page, part)).isEqualTo(expected);
			assertThat(page.plainLength(part)).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
		}
		assertThat(page.spliced()).isTrue();
	}

	@Test
	void pageWithoutThePlaceholderShouldBeKeptWhole() throws IOException {
		SplicedPage page = new SplicedPage("<p>closed</p>".getBytes(StandardCharsets.UTF_8), PLACEHOLDER);
		assertThat(page.spliced()).isFalse();
		assertThat(gunzip(page.gzip("ignored"))).isEqualTo("<p>closed</p>");
		assertThat(plain(page, "ignored")).isEqualTo("<p>closed</p>");
	}

	@Test
	void placeholderTwiceShouldBeRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SplicedPage("a@@placeholder@@b@@placeholder@@".getBytes(StandardCharsets.US_ASCII),
					PLACEHOLDER));
	}

	@Test
	void gzipShouldBeSentOnlyWhenAccepted() {
		assertThat(KeptPageAnswers.acceptsGzip("gzip, deflate, br")).isTrue();
		assertThat(KeptPageAnswers.acceptsGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
		assertThat(KeptPageAnswers.acceptsGzip("gzip;q=0")).isFalse();
		assertThat(KeptPageAnswers.acceptsGzip("gzip; q=0.000")).isFalse();
		assertThat(KeptPageAnswers.acceptsGzip("identity")).isFalse();
		assertThat(KeptPageAnswers.acceptsGzip(null)).isFalse();
	}

	private static String text(Random random, int size) {
		StringBuilder text = new StringBuilder(size);
		String alphabet = "abc defg <p>Diplomacy</p> é€ \n";
		for (int i = 0; i < size; i++) {
			text.append(random.nextInt(4) == 0 ? (char) ('a' + random.nextInt(26))
					: alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return text.toString();
	}

	private static String gunzip(byte[] gzip) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private static String plain(SplicedPage page, String part) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int length = page.writePlain(part, out);
		assertThat(length).isEqualTo(out.size()).isEqualTo(page.plainLength(part));
		return out.toString(StandardCharsets.UTF_8);
	}

}
