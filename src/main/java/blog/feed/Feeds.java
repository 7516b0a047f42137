package blog.feed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import blog.comment.Comment;
import blog.comment.CommentRepository;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.post.Site;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/**
 * The blog's feeds, built with ROME: posts (all, or of a label), with their full text,
 * and published comments (of a post, or of the whole blog). Each is Atom 1.0, or RSS 2.0
 * when asked for. Ids are the entries' permanent addresses, so they stay unique and
 * stable.
 */
@Component
class Feeds {

	/**
	 * what an entry's link carries, so that the statistics tell readers who came from a
	 * feed (the entry's id stays the bare address)
	 */
	static final String FROM_FEED = "?utm_source=feed";

	private final PostCatalog catalog;

	private final CommentRepository comments;

	Feeds(PostCatalog catalog, CommentRepository comments) {
		this.catalog = catalog;
		this.comments = comments;
	}

	/**
	 * @param label only posts with this label, or {@code null} for all
	 * @param summaries only each post's description, not its text
	 * @param limit the most entries
	 */
	String posts(@Nullable String label, boolean summaries, int limit, Format format, String self) {
		List<Post> posts = (label != null) ? this.catalog.withLabel(label) : this.catalog.posts();
		Site site = this.catalog.site();
		List<SyndEntry> entries = new ArrayList<>();
		for (Post post : posts.subList(0, Math.min(limit, posts.size()))) {
			SyndEntry entry = new SyndEntryImpl();
			String address = site.absolute(post.permalink());
			entry.setUri(address);
			entry.setLink(address + FROM_FEED);
			entry.setTitle(post.title());
			entry.setPublishedDate(Date.from(post.published().instant()));
			entry.setUpdatedDate(Date.from(post.published().instant()));
			entry.setAuthors(List.of(person(site.title())));
			List<SyndCategory> categories = new ArrayList<>();
			for (String postLabel : post.labels()) {
				SyndCategory category = new SyndCategoryImpl();
				category.setName(postLabel);
				categories.add(category);
			}
			entry.setCategories(categories);
			text(entry, post.description(), summaries ? null : post.html(), format);
			entries.add(entry);
		}
		String title = (label != null) ? site.title() + ": #" + label : site.title();
		Instant updated = posts.isEmpty() ? Instant.EPOCH : posts.get(0).published().instant();
		return write(feed(title, site.description(), self,
				(label != null) ? labelPage(site, label) : site.absolute("/"), updated, entries, format), format);
	}

	/**
	 * @param post only this post's comments, or {@code null} for every post's
	 * @param limit the most entries
	 */
	String comments(@Nullable Post post, int limit, Format format, String self) {
		Site site = this.catalog.site();
		List<Comment> latest = this.comments.latestPublished((post != null) ? post.slug() : null, limit);
		List<SyndEntry> entries = new ArrayList<>();
		for (Comment comment : latest) {
			Post on = (post != null) ? post : this.catalog.find(comment.postSlug()).orElse(null);
			if (on == null) {
				continue; // a comment on a post no longer in content/
			}
			SyndEntry entry = new SyndEntryImpl();
			String address = site.absolute("/comments/" + comment.id());
			entry.setUri(address);
			entry.setLink(address + FROM_FEED);
			entry.setTitle(comment.authorName() + " on “" + on.title() + "”");
			entry.setPublishedDate(Date.from(comment.createdAt()));
			entry.setUpdatedDate(Date.from(comment.createdAt()));
			entry.setAuthors(List.of(person(comment.authorName())));
			text(entry, null, comment.bodyHtml(), format);
			entries.add(entry);
		}
		String title = (post != null) ? "Comments on “" + post.title() + "”" : site.title() + ": comments";
		Instant updated = latest.isEmpty() ? ((post != null) ? post.published().instant() : Instant.EPOCH)
				: latest.get(0).createdAt();
		return write(
				feed(title, site.description(), self,
						site.absolute((post != null) ? post.permalink() + "#comments" : "/"), updated, entries, format),
				format);
	}

	/**
	 * @return the address of a label's page, encoded as the label pages and the sitemap
	 * encode it: labels may hold spaces, which a feed's link may not
	 */
	static String labelPage(Site site, String label) {
		return site.absolute("/search/label/" + UriUtils.encodePathSegment(label, StandardCharsets.UTF_8));
	}

	/**
	 * Atom has a summary and a content; RSS 2.0 one description, which then holds the
	 * text.
	 */
	private static void text(SyndEntry entry, @Nullable String summary, @Nullable String html, Format format) {
		if (format == Format.RSS) {
			entry.setDescription(content((html != null) ? html : String.valueOf(summary), "text/html"));
			return;
		}
		if (summary != null) {
			entry.setDescription(content(summary, "text"));
		}
		if (html != null) {
			entry.setContents(List.of(content(html, "html")));
		}
	}

	private static SyndContent content(String value, String type) {
		SyndContent content = new SyndContentImpl();
		content.setType(type);
		content.setValue(value);
		return content;
	}

	private static SyndPerson person(String name) {
		SyndPerson person = new SyndPersonImpl();
		person.setName(name);
		return person;
	}

	private SyndFeed feed(String title, String description, String self, String alternate, Instant updated,
			List<SyndEntry> entries, Format format) {
		SyndFeed feed = new SyndFeedImpl();
		// Atom requires an author; RSS 2.0 has none, and ROME would put the first one in
		// <managingEditor>, which wants an email address the blog does not give
		if (format == Format.ATOM) {
			feed.setAuthors(List.of(person(this.catalog.site().title())));
		}
		feed.setUri(self);
		feed.setTitle(title);
		feed.setDescription(description);
		feed.setLink(alternate);
		feed.setLinks(List.of(link("self", self), link("alternate", alternate)));
		feed.setPublishedDate(Date.from(updated));
		feed.setLanguage("en");
		feed.setGenerator("opinion-blog");
		feed.setEntries(entries);
		return feed;
	}

	private static SyndLink link(String rel, String href) {
		SyndLink link = new SyndLinkImpl();
		link.setRel(rel);
		link.setHref(href);
		return link;
	}

	private static String write(SyndFeed feed, Format format) {
		feed.setFeedType(format.romeType);
		try {
			return new SyndFeedOutput().outputString(feed, true);
		}
		catch (FeedException ex) {
			throw new IllegalStateException("ROME could not write the feed", ex);
		}
	}

	/**
	 * The two kinds of feed.
	 */
	enum Format {

		ATOM("atom_1.0", "application/atom+xml"), RSS("rss_2.0", "application/rss+xml");

		final String romeType;

		final String mediaType;

		Format(String romeType, String mediaType) {
			this.romeType = romeType;
			this.mediaType = mediaType;
		}

	}

}
