package blog.post;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A post as read from {@code content/posts/}, its Markdown body already rendered.
 *
 * @param slug the last part of its address
 * @param title the headline
 * @param published when it was first published
 * @param labels its labels (the hashtags), in the author's order
 * @param description one or two sentences for search results and link previews
 * @param original where it was first published, if elsewhere
 * @param news the news item it points to, if any
 * @param html the rendered body
 * @param commentsOpen whether readers may comment (front matter {@code comments: closed}
 * says not)
 * @param source the file it was read from
 */
public record Post(String slug, String title, Published published, List<String> labels, String description,
		@Nullable URI original, @Nullable NewsLink news, String html, boolean commentsOpen, String source) {

	public Post {
		labels = List.copyOf(labels);
	}

	/**
	 * @return the path of the post's page, Blogger's: {@code /yyyy/MM/slug.html}
	 */
	public String permalink() {
		// asked for by every link on the page: plain concatenation, not String.format
		int year = this.published.month().getYear();
		int month = this.published.month().getMonthValue();
		return "/" + "000".substring(Math.min(3, Integer.toString(year).length() - 1)) + year + "/"
				+ ((month < 10) ? "0" : "") + month + "/" + this.slug + ".html";
	}

	/**
	 * @return the host name of the address where the post was first published, if any
	 */
	public @Nullable String originalHost() {
		return (this.original != null) ? this.original.getHost() : null;
	}

	boolean hasLabel(String label) {
		return this.labels.contains(label);
	}

}
