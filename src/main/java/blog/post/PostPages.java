package blog.post;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Builds what the post and label templates show beyond the content itself: metadata for
 * the head (Open Graph, Twitter card, JSON-LD), the share links, and, through
 * {@link Discussion}, the comment thread and form.
 */
@Component
public class PostPages {

	private final PostCatalog catalog;

	private final Discussion discussion;

	private final JsonMapper json;

	private final MessageSource messages;

	PostPages(PostCatalog catalog, Discussion discussion, JsonMapper json, MessageSource messages) {
		this.catalog = catalog;
		this.discussion = discussion;
		this.json = json;
		this.messages = messages;
	}

	/**
	 * Fills the model of the post page. A form already in the model (sent back with its
	 * faults) is kept as it is.
	 * @param model the page's model
	 * @param post the post
	 * @param page which page of comments, from 1
	 * @return whether that page exists
	 */
	public boolean fill(Model model, Post post, int page) {
		Optional<Discussion.Shown> shown = this.discussion.show(post, page, model);
		if (shown.isEmpty()) {
			return false;
		}
		Site site = this.catalog.site();
		String url = site.absolute(post.permalink());
		String canonical = (page > 1) ? url + "?page=" + page : url;
		model.addAttribute("post", post);
		model.addAttribute("meta",
				new PageMeta(post.title() + " – " + site.title(), post.description(), canonical, "article",
						post.published().iso(), post.labels(),
						jsonLd(blogPosting(post, url, canonical, site, shown.get()))));
		model.addAttribute("share", ShareLinks.of(post.title(), url));
		return true;
	}

	/**
	 * @param title what the list is
	 * @param path its address
	 * @param locale the language of the page's words
	 * @return the meta data of a list of posts
	 */
	PageMeta listing(String title, String path, Locale locale) {
		Site site = this.catalog.site();
		return new PageMeta(this.messages.getMessage("page.title", new Object[] { title, site.title() }, locale),
				this.messages.getMessage("listing.description",
						new Object[] { title, site.title(), site.description() }, locale),
				site.absolute(path), "website", null, List.of(), null);
	}

	PageMeta label(String label, Locale locale) {
		Site site = this.catalog.site();
		String title = this.messages.getMessage("listing.label.title", new Object[] { label }, locale);
		return new PageMeta(this.messages.getMessage("page.title", new Object[] { title, site.title() }, locale),
				this.messages.getMessage("listing.label.description",
						new Object[] { label, site.title(), site.description() }, locale),
				site.absolute(LabelPaths.of(label)), "website", null, List.of(), null);
	}

	private Map<String, Object> blogPosting(Post post, String url, String page, Site site, Discussion.Shown shown) {
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
		data.put("commentCount", shown.count());
		List<Map<String, Object>> comments = new ArrayList<>();
		for (Discussion.ShownComment shownComment : shown.comments()) {
			comments.add(comment(shownComment, page));
		}
		data.put("comment", comments);
		return data;
	}

	private static Map<String, Object> comment(Discussion.ShownComment shown, String page) {
		Map<String, Object> comment = new LinkedHashMap<>();
		comment.put("@type", "Comment");
		comment.put("url", page + "#comment-" + shown.id());
		comment.put("author", Map.of("@type", "Person", "name", shown.author()));
		comment.put("dateCreated", shown.created());
		comment.put("text", shown.text());
		return comment;
	}

	/**
	 * JSON for a {@code <script type="application/ld+json">} element: {@code <},
	 * {@code >} and {@code &} only ever occur inside JSON strings, where their escapes
	 * mean the same, so no text in the data can close the element.
	 */
	private @Nullable String jsonLd(Map<String, Object> data) {
		return this.json.writeValueAsString(data)
			.replace("<", "\\u003c")
			.replace(">", "\\u003e")
			.replace("&", "\\u0026");
	}

}
