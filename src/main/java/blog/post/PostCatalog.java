package blog.post;

import java.text.Normalizer;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jspecify.annotations.Nullable;

/**
 * Everything {@code content/} holds, read and rendered once at startup and never changed:
 * serving a post is a lookup.
 */
public final class PostCatalog {

	private final Site site;

	private final List<PopularPost> popular;

	private final boolean popularAuto;

	private final List<Post> posts;

	private final List<Count<String>> labels;

	private final List<Month> months;

	/** each post at its page's path */
	private final Map<String, Post> permalinks = new HashMap<>();

	/** each post's words, lower case, for search: title, description, labels, text */
	private final Map<String, String> words = new HashMap<>();

	PostCatalog(Site site, List<PopularPost> popular, List<Post> posts) {
		this(site, popular, false, posts);
	}

	PostCatalog(Site site, List<PopularPost> popular, boolean popularAuto, List<Post> posts) {
		if (posts.isEmpty()) {
			throw new IllegalArgumentException("a blog needs at least one post");
		}
		this.site = site;
		this.popular = List.copyOf(popular);
		this.popularAuto = popularAuto;
		this.posts = posts.stream()
			.sorted(Comparator.comparing(Post::published).reversed().thenComparing(Post::slug))
			.toList();
		Map<String, Integer> labels = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		Map<YearMonth, Integer> months = new TreeMap<>(Comparator.reverseOrder());
		for (Post post : this.posts) {
			this.permalinks.putIfAbsent(post.permalink(), post);
			post.labels().forEach((label) -> labels.merge(label, 1, Integer::sum));
			months.merge(post.published().month(), 1, Integer::sum);
			this.words.put(post.slug(), normalized(post.title() + " " + post.description() + " "
					+ String.join(" ", post.labels()) + " " + Jsoup.parse(post.html()).text()));
		}
		this.labels = labels.entrySet().stream().map((entry) -> new Count<>(entry.getKey(), entry.getValue())).toList();
		this.months = months.entrySet().stream().map((entry) -> new Month(entry.getKey(), entry.getValue())).toList();
	}

	public Site site() {
		return this.site;
	}

	public List<PopularPost> popular() {
		return this.popular;
	}

	/**
	 * @return whether the sidebar lists the posts most read lately ({@code popular: auto}
	 * in sidebar.yaml) instead of {@link #popular()}
	 */
	public boolean popularAuto() {
		return this.popularAuto;
	}

	/**
	 * @return the addresses outside the blog that its pages link to: each post's news
	 * item, its original, the links in its text, and the sidebar's popular posts
	 */
	public Set<String> outboundLinks() {
		Set<String> links = new HashSet<>();
		for (Post post : this.posts) {
			if (post.news() != null) {
				links.add(post.news().url().toString());
			}
			if (post.original() != null) {
				links.add(post.original().toString());
			}
			Jsoup.parse(post.html()).select("a[href]").forEach((link) -> links.add(link.attr("href")));
		}
		this.popular.forEach((item) -> item.parts().forEach((part) -> links.add(part.href().toString())));
		links.removeIf((link) -> !link.startsWith("https://") && !link.startsWith("http://"));
		return links;
	}

	/**
	 * @return every post, newest first
	 */
	public List<Post> posts() {
		return this.posts;
	}

	public Post newest() {
		return this.posts.get(0);
	}

	public Optional<Post> find(int year, int month, String slug) {
		return this.posts.stream()
			.filter((post) -> post.slug().equals(slug) && post.published().month().getYear() == year
					&& post.published().month().getMonthValue() == month)
			.findFirst();
	}

	/**
	 * @param slug a post's slug
	 * @return the post with that slug
	 */
	public Optional<Post> find(String slug) {
		return this.posts.stream().filter((post) -> post.slug().equals(slug)).findFirst();
	}

	/**
	 * @param path a request's path, as sent
	 * @return the post whose page is at that path ({@link Post#permalink()})
	 */
	public Optional<Post> atPermalink(String path) {
		return Optional.ofNullable(this.permalinks.get(path));
	}

	/**
	 * @return every label, in alphabetical order, with how many posts carry it
	 */
	public List<Count<String>> labels() {
		return this.labels;
	}

	/**
	 * @return every month with posts, newest first, with how many
	 */
	public List<Month> months() {
		return this.months;
	}

	/**
	 * @param year a year
	 * @param month a month of it, or {@code null} for the whole year
	 * @return the posts published then, newest first
	 */
	public List<Post> publishedIn(int year, @Nullable Integer month) {
		return this.posts.stream()
			.filter((post) -> post.published().month().getYear() == year
					&& (month == null || post.published().month().getMonthValue() == month))
			.toList();
	}

	/**
	 * @return the post published just after this one, if any
	 */
	public Optional<Post> newer(Post post) {
		int at = this.posts.indexOf(post);
		return (at > 0) ? Optional.of(this.posts.get(at - 1)) : Optional.empty();
	}

	/**
	 * @return the post published just before this one, if any
	 */
	public Optional<Post> older(Post post) {
		int at = this.posts.indexOf(post);
		return (at >= 0 && at + 1 < this.posts.size()) ? Optional.of(this.posts.get(at + 1)) : Optional.empty();
	}

	/**
	 * @param query words, as a reader typed them
	 * @return the posts holding every word (in the title, description, labels or text,
	 * whatever the case and accents), newest first; none for a query without words
	 */
	public List<Post> search(String query) {
		List<String> wanted = Arrays.stream(normalized(query).split("[^\\p{L}\\p{N}]+"))
			.filter((word) -> !word.isEmpty())
			.distinct()
			.toList();
		if (wanted.isEmpty()) {
			return List.of();
		}
		return this.posts.stream()
			.filter((post) -> wanted.stream().allMatch((word) -> this.words.get(post.slug()).contains(word)))
			.toList();
	}

	/** lower case, without accents, so that "Zürich" finds "zurich" */
	private static String normalized(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKD)
			.replaceAll("\\p{M}+", "")
			.toLowerCase(Locale.ROOT)
			.replace('’', '\'');
	}

	/**
	 * @param label a label, exactly as written in the posts
	 * @return the posts carrying it, newest first; empty when no post does
	 */
	public List<Post> withLabel(String label) {
		return this.posts.stream().filter((post) -> post.hasLabel(label)).toList();
	}

	/**
	 * Something, with how many posts it has.
	 *
	 * @param <T> what is counted
	 * @param value the label or month
	 * @param count how many posts
	 */
	public record Count<T>(T value, int count) {
	}

	/**
	 * A month with posts.
	 *
	 * @param value the month
	 * @param count how many posts
	 */
	public record Month(YearMonth value, int count) {

		/**
		 * @return its archive's address, Blogger's: {@code /2024/10/}
		 */
		public String path() {
			return String.format("/%04d/%02d/", this.value.getYear(), this.value.getMonthValue());
		}

	}

}
