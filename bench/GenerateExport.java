import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * A Blogger export (Atom) of N comments on the essay, for bench/import and bench/load: a
 * quarter of them replies, each about 400 characters of HTML with a link, from 300
 * readers, written a minute apart.
 *
 * Usage: java bench/GenerateExport.java N FILE
 */
public class GenerateExport {

	static final String POST = "https://bordode.blogspot.com/2024/10/the-dangers-of-ignoring-diplomacy-why.html";

	/** one comment a minute from here on */
	static final OffsetDateTime FIRST = OffsetDateTime.parse("2024-10-21T00:00:00-07:00");

	static final DateTimeFormatter BLOGGER = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	public static void main(String[] args) throws Exception {
		int n = Integer.parseInt(args[0]);
		try (BufferedWriter out = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
			out.write("<?xml version='1.0' encoding='UTF-8'?>\n<feed xmlns='http://www.w3.org/2005/Atom' "
					+ "xmlns:thr='http://purl.org/syndication/thread/1.0'>\n<id>tag:blogger.com,1999:blog-1</id>\n");
			out.write("<entry><id>tag:blogger.com,1999:blog-1.post-1</id><category scheme='http://schemas.google.com/g/2005#kind' "
					+ "term='http://schemas.google.com/blogger/2008/kind#post'/><link rel='alternate' href='" + POST
					+ "'/></entry>\n");
			String lorem = "lorem ipsum dolor sit amet ".repeat(10);
			for (int i = 0; i < n; i++) {
				String related = (i % 4 == 3) ? "<link rel='related' href='https://www.blogger.com/feeds/1/1/comments/default/"
						+ (100000 + i - 3) + "'/>" : "";
				String published = FIRST.plusMinutes(i).format(BLOGGER);
				out.write("<entry><id>tag:blogger.com,1999:blog-1.post-" + (100000 + i) + "</id>" + "<published>"
						+ published + "</published>"
						+ "<category scheme='http://schemas.google.com/g/2005#kind' term='http://schemas.google.com/blogger/2008/kind#comment'/>"
						+ "<content type='html'>Comment " + i + ": diplomacy &lt;b&gt;matters&lt;/b&gt;.&lt;br /&gt;See "
						+ "&lt;a href=\"https://example.org/" + i + "\"&gt;this&lt;/a&gt;. " + lorem + "</content>" + related
						+ "<author><name>Reader " + (i % 300) + "</name></author>" + "<thr:in-reply-to href='" + POST
						+ "' ref='tag:blogger.com,1999:blog-1.post-1'/></entry>\n");
			}
			out.write("</feed>\n");
		}
	}

}
