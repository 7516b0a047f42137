package blog.post;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Builds what the post and label templates show beyond the content itself: metadata for
 * the head (Open Graph, Twitter card, JSON-LD) and the share links.
 */
@Component
class PostPages {

	private final PostCatalog catalog;

	private final JsonMapper json;

	PostPages(PostCatalog catalog, JsonMapper json) {
		this.catalog = catalog;
		this.json = json;
	}

	PostPage post(Post post) {
		Site site = this.catalog.site();
		String url = site.absolute(post.permalink());
		PageMeta meta = new PageMeta(post.title() + " – " + site.title(), post.description(), url, "article",
				post.published().iso(), post.labels(), jsonLd(blogPosting(post, url, site)));
		return new PostPage(post, meta, ShareLinks.of(post.title(), url));
	}

	PageMeta label(String label) {
		Site site = this.catalog.site();
		return new PageMeta("Posts labelled " + label + " – " + site.title(),
				"Posts labelled " + label + " on " + site.title() + ": " + site.description(),
				site.absolute(LabelPaths.of(label)), "website", null, List.of(), null);
	}

	private Map<String, Object> blogPosting(Post post, String url, Site site) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("@context", "https://schema.org");
		data.put("@type", "BlogPosting");
		data.put("headline", post.title());
		data.put("description", post.description());
		data.put("datePublished", post.published().iso());
		data.put("keywords", post.labels());
		data.put("inLanguage", "en");
		data.put("url", url);
		data.put("mainEntityOfPage", url);
		if (post.original() != null) {
			data.put("isBasedOn", post.original().toString());
		}
		Map<String, Object> blog = new LinkedHashMap<>();
		blog.put("@type", "Blog");
		blog.put("name", site.title());
		blog.put("url", site.baseUrl().toString());
		data.put("isPartOf", blog);
		return data;
	}

	/**
	 * JSON for a {@code <script type="application/ld+json">} element: {@code <},
	 * {@code >} and {@code &} only ever occur inside JSON strings, where their escapes
	 * mean the same, so no text in the data can close the element.
	 */
	private String jsonLd(Map<String, Object> data) {
		return this.json.writeValueAsString(data)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

	/**
	 * A post with what its page shows around it.
	 *
	 * @param post the post
	 * @param meta its head
	 * @param share its share links
	 */
	record PostPage(Post post, PageMeta meta, ShareLinks share) {
	}

}
