package blog.system;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The blog's settings, all under {@code blog.*}; README.md lists them with their
 * defaults.
 *
 * @param contentDir folder holding site.yaml, sidebar.yaml and posts/
 * @param dataDir folder where H2 keeps the comments, and the generated form secret
 * @param baseUrl public address of the blog, overriding site.yaml's base-url
 * @param formSecret key that signs comment forms; generated and kept in the data folder
 * when not given
 * @param comments the rules for comments
 * @param admin the editor's account
 */
@Validated
@ConfigurationProperties("blog")
public record BlogProperties(@DefaultValue("content") Path contentDir, @DefaultValue("data") Path dataDir,
		@Nullable URI baseUrl, @Nullable String formSecret, @DefaultValue @Valid Comments comments,
		@DefaultValue @Valid Admin admin) {

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
	}

	/**
	 * @param moderation which comments wait for the editor: off, links, first or all
	 * @param rateLimit how many comments one client may send
	 * @param minFillTime the least time between opening a form and sending it
	 * @param maxLength the longest comment, in characters
	 * @param reportsToHide how many readers (different clients) must report a comment
	 * before it is hidden until the editor decides
	 */
	public record Comments(@DefaultValue("links") Moderation moderation, @DefaultValue @Valid RateLimit rateLimit,
			@DefaultValue("2s") Duration minFillTime, @DefaultValue("5000") @Min(1) @Max(20000) int maxLength,
			@DefaultValue("3") @Min(1) @Max(1000) int reportsToHide) {

		public Comments {
			if (minFillTime.isNegative()) {
				throw new IllegalArgumentException("blog.comments.min-fill-time must not be negative");
			}
		}

	}

	/**
	 * @param perMinute comments a client may send in a minute
	 * @param perDay comments a client may send in a day
	 */
	public record RateLimit(@DefaultValue("5") @Min(1) int perMinute, @DefaultValue("30") @Min(1) int perDay) {
	}

	/**
	 * @param username the editor's login name
	 * @param passwordHash the editor's password as a {@code {bcrypt}} or {@code {argon2}}
	 * hash; when not given, a one-time password is generated on first start and only its
	 * hash kept in the data folder
	 * @param mailTo where to mail the editor when a comment is held; no mail when not
	 * given, or when {@code spring.mail.host} is not set
	 * @param mailFrom the sender of those mails
	 */
	public record Admin(@DefaultValue("editor") String username, @Nullable String passwordHash, @Nullable String mailTo,
			@DefaultValue("blog@localhost") String mailFrom) {

		public Admin {
			if (username.isBlank() || username.length() > 80 || !username.equals(username.strip())) {
				throw new IllegalArgumentException(
						"blog.admin.username must be 1 to 80 characters without spaces at either end");
			}
			if (passwordHash != null && !passwordHash.isBlank() && !passwordHash
				.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}|\\{argon2}\\$argon2id?\\$.+")) {
				throw new IllegalArgumentException(
						"blog.admin.password-hash must be a {bcrypt}… or {argon2}… hash (see README, 'The editor's desk'),"
								+ " never the password itself");
			}
			for (String address : new String[] { mailTo, mailFrom }) {
				if (address != null && !address.isBlank() && !address.strip().matches("[^\\s@<>,;]+@[^\\s@<>,;]+")) {
					throw new IllegalArgumentException(
							"blog.admin.mail-to and mail-from must each be one mail address (name@host), not '"
									+ address + "'");
				}
			}
		}

	}

	/**
	 * Which comments are held for the editor before readers see them.
	 */
	public enum Moderation {

		/** publish every comment at once */
		OFF,
		/** hold comments that hold a link */
		LINKS,
		/** hold the first comment under each name */
		FIRST,
		/** hold every comment */
		ALL

	}

}
