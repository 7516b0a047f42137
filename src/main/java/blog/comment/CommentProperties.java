package blog.comment;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The rules for readers' comments, {@code blog.comments.*}.
 *
 * @param moderation which comments wait for the editor: off, links, first or all (the
 * editor's choice on the desk overrides it)
 * @param rateLimit how many comments one client may send
 * @param minFillTime the least time between opening a form and sending it
 * @param maxLength the longest comment, in characters
 * @param reportsToHide how many readers (different clients) must report a comment before
 * it is hidden until the editor decides
 */
@Validated
@ConfigurationProperties("blog.comments")
public record CommentProperties(@DefaultValue("links") Moderation moderation, @DefaultValue @Valid RateLimit rateLimit,
		@DefaultValue("2s") Duration minFillTime, @DefaultValue("5000") @Min(1) @Max(20000) int maxLength,
		@DefaultValue("3") @Min(1) @Max(1000) int reportsToHide) {

	public CommentProperties {
		if (minFillTime.isNegative()) {
			throw new IllegalArgumentException("blog.comments.min-fill-time must not be negative");
		}
	}

	/**
	 * @param perMinute comments a client may send in a minute
	 * @param perDay comments a client may send in a day
	 */
	public record RateLimit(@DefaultValue("5") @Min(1) int perMinute, @DefaultValue("30") @Min(1) int perDay) {
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
