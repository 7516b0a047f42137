package blog.comment.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading Blogger's files without the application: what a file that cannot be read is
 * refused with must be words a person understands, and the line it is on.
 */
class BloggerExportTests {

	@Test
	void anUndeclaredElementPrefixShouldBeNamedInWords() {
		String xml = """
				<?xml version='1.0' encoding='UTF-8'?>
				<feed xmlns='http://www.w3.org/2005/Atom'>
				  <entry>
				    <app:control><app:draft>yes</app:draft></app:control>
				  </entry>
				</feed>
				""";
		assertThatExceptionOfType(ImportException.class).isThrownBy(() -> read(xml))
			.withMessage("Line 4: the file is not well-formed XML: the prefix \"app\" is used but never declared");
	}

	@Test
	void anUndeclaredAttributePrefixShouldBeNamedInWords() {
		String xml = """
				<?xml version='1.0' encoding='UTF-8'?>
				<feed xmlns='http://www.w3.org/2005/Atom'>
				  <entry gd:etag='W/"1"'>
				  </entry>
				</feed>
				""";
		assertThatExceptionOfType(ImportException.class).isThrownBy(() -> read(xml))
			.withMessage("Line 3: the file is not well-formed XML: the prefix \"gd\" is used but never declared");
	}

	@Test
	void otherFaultsShouldKeepTheParsersWords() {
		String xml = """
				<?xml version='1.0' encoding='UTF-8'?>
				<feed xmlns='http://www.w3.org/2005/Atom'>
				  <entry></entri>
				</feed>
				""";
		assertThatExceptionOfType(ImportException.class).isThrownBy(() -> read(xml))
			.withMessageStartingWith("Line 3: the file is not well-formed XML: ")
			.withMessageContaining("\"</entry>\"")
			.withMessageNotContaining("never declared");
	}

	@Test
	void aLegacyExportShouldStillBeRead() throws IOException {
		BloggerExport.Contents contents = BloggerExport.read(resource("legacy-export.xml"));
		assertThat(contents.comments()).extracting(BloggerEntry::id)
			.containsExactly("1001", "1002", "1003", "1004", "1005", "2001");
	}

	@Test
	void aTakeoutFeedShouldStillBeRead() throws IOException {
		BloggerExport.Contents contents = BloggerExport.read(resource("takeout-feed.atom"));
		assertThat(contents.comments()).extracting(BloggerEntry::id).containsExactly("601", "602", "603", "604");
	}

	private static BloggerExport.Contents read(String xml) {
		return BloggerExport.read(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = BloggerExportTests.class.getResourceAsStream("/blogger/" + name)) {
			return in.readAllBytes();
		}
	}

}
