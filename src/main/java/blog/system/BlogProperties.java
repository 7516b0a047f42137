package blog.system;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The blog's own settings under {@code blog.*}, but for those of a feature, which that
 * feature keeps in a record of its own ({@code blog.comments.*} in comment/,
 * {@code blog.admin.*} in admin/). docs/operations.md lists them all with their defaults.
 *
 * @param contentDir folder holding site.yaml, sidebar.yaml and posts/
 * @param dataDir folder where H2 keeps the comments, and the generated form secret
 * @param baseUrl public address of the blog, overriding site.yaml's base-url
 * @param formSecret key that signs comment forms; generated and kept in the data folder
 * when not given
 * @param sharedDatabase whether other instances write to the same database
 * @param sharedDatabasePoll how often an instance on a shared database looks for the
 * others' changes
 * @param rerenderInterval the least time between two renders of a post page for changes
 * to its comments: changes that come faster are shown together, that much later
 * @param trustedProxies a regular expression of the reverse proxies' addresses, whose
 * {@code X-Forwarded-For}, {@code -Proto} and {@code -Port} name the client; none when
 * not given (those headers are then ignored)
 */
@Validated
@ConfigurationProperties("blog")
public record BlogProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@Nullable URI baseUrl, @Nullable String formSecret, @DefaultValue("false") boolean sharedDatabase,
		@DefaultValue("500ms") Duration sharedDatabasePoll, @DefaultValue("400ms") Duration rerenderInterval,
		@Nullable String trustedProxies) {

	public BlogProperties {
		if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
			throw new IllegalArgumentException(
					"blog.data-dir must be a folder, but " + dataDir.toAbsolutePath() + " is a file");
		}
		if (baseUrl != null) {
			boolean web = "https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme());
			if (!web || baseUrl.getHost() == null || baseUrl.getQuery() != null || baseUrl.getFragment() != null) {
				throw new IllegalArgumentException(
						"blog.base-url must be an http:// or https:// address without query or fragment, not '"
								+ baseUrl + "'");
			}
			baseUrl = URI.create(baseUrl.toString().replaceAll("/+$", ""));
		}
		if (formSecret != null && !formSecret.isBlank() && formSecret.length() < 32) {
			throw new IllegalArgumentException("blog.form-secret must be at least 32 characters long");
		}
		if (sharedDatabasePoll.isNegative() || sharedDatabasePoll.isZero()) {
			throw new IllegalArgumentException("blog.shared-database-poll must be longer than zero");
		}
		if (rerenderInterval.isNegative() || rerenderInterval.compareTo(Duration.ofSeconds(1)) > 0) {
			throw new IllegalArgumentException(
					"blog.rerender-interval must be between 0 and 1s (a new comment shows within it), not "
							+ rerenderInterval);
		}
		if (trustedProxies != null) {
			try {
				Pattern.compile(trustedProxies);
			}
			catch (PatternSyntaxException ex) {
				throw new IllegalArgumentException("blog.trusted-proxies must be a regular expression of the proxies' "
						+ "addresses (such as 127\\.0\\.0\\.1), not '" + trustedProxies + "': " + ex.getDescription());
			}
		}
	}

}
