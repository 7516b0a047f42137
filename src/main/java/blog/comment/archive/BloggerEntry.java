package blog.comment.archive;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * An entry of a Blogger export (a post or a comment), as far as it was read.
 */
final class BloggerEntry {

	final int line;

	@Nullable String tag;

	@Nullable String id;

	@Nullable String kind;

	@Nullable String published;

	@Nullable String html;

	@Nullable String author;

	@Nullable String address;

	@Nullable String post;

	@Nullable String postAddress;

	@Nullable String parent;

	boolean live = true;

	BloggerEntry(int line) {
		this.line = line;
	}

	boolean post() {
		return "post".equals(this.kind);
	}

	boolean comment() {
		return "comment".equals(this.kind);
	}

	@Nullable String id() {
		return this.id;
	}

	@Nullable String address() {
		return this.address;
	}

	/**
	 * @return when it was written
	 * @throws ImportException when the time is missing or not RFC 3339
	 */
	Instant publishedAt() {
		if (this.published == null) {
			throw new ImportException(this.line, "a comment has no <published> time");
		}
		try {
			return OffsetDateTime.parse(this.published).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ImportException(this.line, "a comment's time '" + this.published + "' is not a date and time");
		}
	}

}
