package blog.post;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a page says about itself in its head: title, description, canonical address, Open
 * Graph and Twitter card fields, and JSON-LD. Computed in Java, so that templates only
 * show it.
 *
 * @param title the document title
 * @param description the meta description
 * @param canonical the page's one public address
 * @param type the Open Graph type: article or website
 * @param published when an article was published, ISO 8601 at its source's precision
 * @param tags an article's labels
 * @param jsonLd schema.org data for the page, already safe to put inside a script element
 */
public record PageMeta(String title, String description, String canonical, String type, @Nullable String published,
		List<String> tags, @Nullable String jsonLd) {

	public PageMeta {
		tags = List.copyOf(tags);
	}

}
