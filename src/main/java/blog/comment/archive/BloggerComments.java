package blog.comment.archive;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import blog.comment.Comment;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.Text;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/**
 * The comments of a Blogger export that belong to this blog's posts, matched by the
 * post's address (its permalink here, or its original address on Blogger).
 */
final class BloggerComments {

	private final Map<String, Post> byPath = new HashMap<>();

	BloggerComments(PostCatalog catalog) {
		for (Post post : catalog.posts()) {
			this.byPath.put(post.permalink(), post);
			if (post.original() != null && post.original().getPath() != null) {
				this.byPath.put(post.original().getPath(), post);
			}
		}
	}

	/**
	 * @param contents what was read from the export
	 * @return the comments to import, and what was left out
	 */
	ImportedComment.Read read(BloggerExport.Contents contents) {
		List<ImportedComment> comments = new ArrayList<>();
		Set<String> notHere = new TreeSet<>();
		int notHereCount = 0;
		int left = 0;
		for (BloggerEntry entry : contents.comments()) {
			if (!entry.live) {
				left++;
				continue;
			}
			String address = (entry.post != null && contents.posts().containsKey(entry.post))
					? contents.posts().get(entry.post) : entry.postAddress;
			String path = path(address);
			Post post = (path != null) ? this.byPath.get(path) : null;
			if (post == null) {
				notHere.add((path != null) ? path : "a post the file does not name");
				notHereCount++;
				continue;
			}
			if (entry.id == null || entry.tag == null) {
				throw new ImportException(entry.line, "a comment has no <id>");
			}
			String html = (entry.html != null) ? entry.html : "";
			String name = (entry.author != null && !entry.author.isBlank()) ? entry.author : "Anonymous";
			comments.add(new ImportedComment(entry.line, entry.id, entry.parent, post.slug(), shortened(name),
					plainText(html), html, Comment.Status.PUBLISHED, null, entry.publishedAt(), null, null,
					CommentArchive.origin("blogger:" + entry.tag, entry.line), null));
		}
		return new ImportedComment.Read(comments, notHereCount, notHere, left);
	}

	/**
	 * A Blogger comment's text, for search and mail: its HTML as text (jsoup), a line
	 * break for each {@code <br>
	 * } and a blank line after each paragraph.
	 */
	static String plainText(String html) {
		StringBuilder text = new StringBuilder();
		Jsoup.parseBodyFragment(html).body().traverse(new NodeVisitor() {

			@Override
			public void head(Node node, int depth) {
				if (node instanceof TextNode words) {
					text.append(words.getWholeText());
				}
				else if (node instanceof Element element && element.nameIs("br")) {
					text.append('\n');
				}
			}

			@Override
			public void tail(Node node, int depth) {
				if (node instanceof Element element && element.nameIs("p")) {
					text.append("\n\n");
				}
			}

		});
		String plain = Text.clean(text.toString()).strip();
		return (plain.length() > JsonArchive.TEXT_MAX) ? plain.substring(0, JsonArchive.TEXT_MAX) : plain;
	}

	/**
	 * @param address a post's address, absolute or a path
	 * @return its path, without query or fragment
	 */
	private static @Nullable String path(@Nullable String address) {
		if (address == null || address.isBlank()) {
			return null;
		}
		try {
			return new URI(address.strip()).getPath();
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

	private static String shortened(String name) {
		String line = Text.clean(name).replaceAll("\\s+", " ").strip();
		return (line.length() > JsonArchive.NAME_MAX) ? line.substring(0, JsonArchive.NAME_MAX - 1) + "…" : line;
	}

}
