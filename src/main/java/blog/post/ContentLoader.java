package blog.post;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterBlock;
import com.vladsch.flexmark.util.ast.Document;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code content/}: {@code site.yaml}, {@code sidebar.yaml} and {@code posts/*.md}.
 * Everything is checked and rendered here, once; the first fault stops the load with a
 * {@link ContentException} naming the file, the line and what is wrong.
 */
final class ContentLoader {

	static final Set<String> SITE_KEYS = keys("title", "description", "base-url", "original-blog");

	static final Set<String> SIDEBAR_KEYS = keys("popular");

	static final Set<String> POPULAR_KEYS = keys("title", "url");

	static final Set<String> POST_KEYS = keys("title", "slug", "published", "description", "labels", "original", "news",
			"comments");

	static final Set<String> NEWS_KEYS = keys("title", "url", "source");

	private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private static final Pattern LABEL = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,99}");

	private static final Pattern FRONT_MATTER_END = Pattern.compile("(-{3}|\\.{3})\\s*");

	private final MarkdownRenderer markdown;

	ContentLoader(MarkdownRenderer markdown) {
		this.markdown = markdown;
	}

	/**
	 * @param dir the content folder
	 * @return everything in it, checked and rendered
	 * @throws ContentException at the first fault
	 */
	Content load(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ContentException(dir, "content folder not found at " + dir.toAbsolutePath()
					+ " (set blog.content-dir to the folder holding site.yaml and posts/)");
		}
		Site site = readSite(dir.resolve("site.yaml"));
		Path sidebar = dir.resolve("sidebar.yaml");
		Sidebar popular = Files.exists(sidebar) ? readSidebar(sidebar, site) : new Sidebar(List.of(), false);
		return new Content(site, popular.listed(), popular.auto(), readPosts(dir.resolve("posts")));
	}

	private Site readSite(Path file) {
		YamlMapping yaml = YamlMapping.parse(file, read(file), 0).allowOnly(SITE_KEYS);
		String baseUrl = yaml.url("base-url").toString().replaceAll("/+$", "");
		return new Site(yaml.text("title"), yaml.text("description"), URI.create(baseUrl), yaml.url("original-blog"));
	}

	/**
	 * The sidebar's popular posts: the ones listed, or with {@code popular: auto} the
	 * posts most read lately (from the statistics).
	 */
	private record Sidebar(List<PopularPost> listed, boolean auto) {
	}

	private Sidebar readSidebar(Path file, Site site) {
		YamlMapping yaml = YamlMapping.parse(file, read(file), 0).allowOnly(SIDEBAR_KEYS);
		if (yaml.holdsScalar("popular")) {
			String value = yaml.text("popular");
			if (!value.equals("auto")) {
				throw yaml.fault("popular",
						"'popular' must be a list of posts (- title: ...) or auto (the most read posts), not '" + value
								+ "'");
			}
			return new Sidebar(List.of(), true);
		}
		List<PopularPost> popular = new ArrayList<>();
		for (YamlMapping item : yaml.mappingList("popular")) {
			item.allowOnly(POPULAR_KEYS);
			popular.add(PopularPost.of(item.text("title"), item.optionalUrl("url"), site));
		}
		return new Sidebar(popular, false);
	}

	private List<Post> readPosts(Path dir) {
		if (!Files.isDirectory(dir)) {
			throw new ContentException(dir, "posts folder not found: put each post in it as a .md file");
		}
		List<Path> files;
		try (Stream<Path> listing = Files.list(dir)) {
			files = listing.filter((file) -> file.getFileName().toString().endsWith(".md")).sorted().toList();
		}
		catch (IOException ex) {
			throw new ContentException(dir, "cannot be read: " + ex.getMessage());
		}
		if (files.isEmpty()) {
			throw new ContentException(dir, "holds no posts: put each post in it as a .md file");
		}
		Map<String, Path> slugs = new HashMap<>();
		List<Post> posts = new ArrayList<>();
		for (Path file : files) {
			Post post = readPost(file);
			Path other = slugs.putIfAbsent(post.slug(), file);
			if (other != null) {
				throw new ContentException(file, "slug '" + post.slug() + "' is already used by " + other);
			}
			posts.add(post);
		}
		return posts;
	}

	Post readPost(Path file) {
		String text = read(file);
		Document document = this.markdown.parse(text);
		if (!(document.getFirstChild() instanceof YamlFrontMatterBlock block)) {
			throw new ContentException(file, 1, "must start with front matter: a '---' line, "
					+ "'key: value' lines (title, slug, published, ...) and a closing '---' line");
		}
		List<String> lines = text.lines().toList();
		int first = block.getStartLineNumber();
		int last = block.getEndLineNumber();
		if (last <= first || !FRONT_MATTER_END.matcher(lines.get(last)).matches()) {
			throw new ContentException(file, first + 1, "front matter is never closed: end it with a '---' line");
		}
		String header = String.join("\n", lines.subList(first + 1, last));
		YamlMapping yaml = YamlMapping.parse(file, header, first + 1).allowOnly(POST_KEYS);
		String slug = yaml.text("slug");
		if (!SLUG.matcher(slug).matches()) {
			throw yaml.fault("slug", "slug '" + slug + "' may hold only a-z, 0-9 and single hyphens");
		}
		Published published;
		try {
			published = Published.parse(yaml.text("published"));
		}
		catch (IllegalArgumentException ex) {
			throw yaml.fault("published", "published " + ex.getMessage());
		}
		return new Post(slug, yaml.text("title"), published, labels(yaml), yaml.text("description"),
				yaml.optionalUrl("original"), news(yaml), this.markdown.render(document), commentsOpen(yaml),
				file.toString());
	}

	private static List<String> labels(YamlMapping yaml) {
		Set<String> labels = new LinkedHashSet<>();
		for (String label : yaml.textList("labels")) {
			if (!LABEL.matcher(label).matches()) {
				throw yaml.fault("labels",
						"label '" + label + "' may hold only letters, digits, spaces, '_', '.' and '-' (at most 100)");
			}
			if (!labels.add(label)) {
				throw yaml.fault("labels", "label '" + label + "' is given twice");
			}
		}
		return List.copyOf(labels);
	}

	private static boolean commentsOpen(YamlMapping yaml) {
		String comments = yaml.optionalText("comments");
		if (comments == null || comments.equals("open")) {
			return true;
		}
		if (comments.equals("closed")) {
			return false;
		}
		throw yaml.fault("comments", "comments must be 'open' or 'closed', not '" + comments + "'");
	}

	private static @Nullable NewsLink news(YamlMapping yaml) {
		YamlMapping news = yaml.optionalMapping("news");
		if (news == null) {
			return null;
		}
		news.allowOnly(NEWS_KEYS);
		return new NewsLink(news.text("title"), news.url("url"), news.text("source"));
	}

	private static String read(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			return text.startsWith("\uFEFF") ? text.substring(1) : text;
		}
		catch (NoSuchFileException ex) {
			throw new ContentException(file, "is missing");
		}
		catch (AccessDeniedException ex) {
			throw new ContentException(file, "cannot be read: permission denied");
		}
		catch (CharacterCodingException ex) {
			throw new ContentException(file, "is not UTF-8 text: save it as UTF-8");
		}
		catch (IOException ex) {
			throw new ContentException(file, "cannot be read: " + ex.getMessage());
		}
	}

	private static Set<String> keys(String... keys) {
		return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(keys)));
	}

	/**
	 * What {@code content/} holds.
	 */
	record Content(Site site, List<PopularPost> popular, boolean popularAuto, List<Post> posts) {
	}

}
