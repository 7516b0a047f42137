package blog.post;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * One of the sidebar's "Popular posts from this blog". Its title is shown exactly as
 * written, in parts (joined by single spaces): text links to the post (or to a search for
 * it), and a web address inside the title is a link of its own, so no link ever sits
 * inside another.
 *
 * @param title the title, exactly as written
 * @param parts the title cut into its text and its web addresses, in order
 */
public record PopularPost(String title, List<Part> parts) {

	private static final Pattern WEB_ADDRESS = Pattern.compile("(?<=^|\\s)https?://\\S+");

	public PopularPost {
		parts = List.copyOf(parts);
	}

	/**
	 * Cuts a title into linked parts: web addresses in it link to themselves, the words
	 * around them to the post, or to a search for the words on the original blog when the
	 * post's own address is unknown (we never guess one).
	 */
	static PopularPost of(String title, @Nullable URI url, Site site) {
		List<String> words = new ArrayList<>();
		List<Object> pieces = new ArrayList<>();
		Matcher matcher = WEB_ADDRESS.matcher(title);
		int at = 0;
		while (matcher.find()) {
			URI address = YamlMapping.webAddress(matcher.group()).orElse(null);
			if (address != null) {
				addWords(title.substring(at, matcher.start()), words, pieces);
				pieces.add(address);
				at = matcher.end();
			}
		}
		addWords(title.substring(at), words, pieces);
		URI target = (url != null) ? url : URI.create(site.originalBlog().toString().replaceAll("/+$", "")
				+ "/search?q=" + URLEncoder.encode(String.join(" ", words), StandardCharsets.UTF_8));
		List<PopularPost.Part> parts = pieces.stream()
			.map((piece) -> (piece instanceof URI address) ? new PopularPost.Part(address.toString(), address)
					: new PopularPost.Part((String) piece, target))
			.toList();
		return new PopularPost(title, parts);
	}

	private static void addWords(String text, List<String> words, List<Object> pieces) {
		String stripped = text.strip().replaceAll("\\s+", " ");
		if (!stripped.isEmpty()) {
			words.add(stripped);
			pieces.add(stripped);
		}
	}

	/**
	 * A piece of the title with where it links to.
	 *
	 * @param text the words shown
	 * @param href where they lead
	 */
	public record Part(String text, URI href) {
	}

}
