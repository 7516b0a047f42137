package blog.post;

import java.net.URI;
import java.util.List;

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

	public PopularPost {
		parts = List.copyOf(parts);
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
