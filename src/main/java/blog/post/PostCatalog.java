package blog.post;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Everything {@code content/} holds, read and rendered once at startup and never changed:
 * serving a post is a lookup.
 */
public final class PostCatalog {

	private final Site site;

	private final List<PopularPost> popular;

	private final List<Post> posts;

	PostCatalog(Site site, List<PopularPost> popular, List<Post> posts) {
		if (posts.isEmpty()) {
			throw new IllegalArgumentException("a blog needs at least one post");
		}
		this.site = site;
		this.popular = List.copyOf(popular);
		this.posts = posts.stream()
			.sorted(Comparator.comparing(Post::published).reversed().thenComparing(Post::slug))
			.toList();
	}

	public Site site() {
		return this.site;
	}

	public List<PopularPost> popular() {
		return this.popular;
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
	 * @param label a label, exactly as written in the posts
	 * @return the posts carrying it, newest first; empty when no post does
	 */
	public List<Post> withLabel(String label) {
		return this.posts.stream().filter((post) -> post.hasLabel(label)).toList();
	}

}
