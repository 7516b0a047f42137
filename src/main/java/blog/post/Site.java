package blog.post;

import java.net.URI;

/**
 * The blog as a whole, from {@code content/site.yaml}.
 *
 * @param title the blog's name, in every page's header
 * @param description what the blog is about
 * @param baseUrl its public address, without a trailing slash
 * @param originalBlog where the blog was first published
 */
public record Site(String title, String description, URI baseUrl, URI originalBlog) {

	/**
	 * @param path an absolute path on this blog
	 * @return the public address of that path
	 */
	public String absolute(String path) {
		return this.baseUrl + path;
	}

}
