package blog.system;

import java.net.URI;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The blog's settings, all under {@code blog.*}; README.md lists them with their
 * defaults.
 *
 * @param contentDir folder holding site.yaml, sidebar.yaml and posts/
 * @param baseUrl public address of the blog, overriding site.yaml's base-url
 */
@ConfigurationProperties("blog")
public record BlogProperties(@DefaultValue("content") Path contentDir, @Nullable URI baseUrl) {

	public BlogProperties {
		if (baseUrl != null) {
			boolean web = "https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme());
			if (!web || baseUrl.getHost() == null || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
				throw new IllegalArgumentException(
						"blog.base-url must be an http:// or https:// address without query or fragment, not '"
								+ baseUrl + "'");
			}
			baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
		}
	}

}
