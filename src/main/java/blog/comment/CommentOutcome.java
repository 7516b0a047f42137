package blog.comment;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What became of a comment sent: each tells the controller what the reader sees.
 */
public sealed interface CommentOutcome {

	/**
	 * stored; {@code held} when it waits for the editor; {@code following} when its
	 * writer asked to be mailed replies
	 */
	record Posted(long id, boolean held, String deleteKey, boolean following) implements CommentOutcome {
	}

	/**
	 * the same text from the same client within a minute: stored once, under this id
	 */
	record Duplicate(long id) implements CommentOutcome {
	}

	/** not stored; the form comes back with the fields' faults, or this message */
	record Invalid(@Nullable String message) implements CommentOutcome {
	}

	/** not stored: the form's token is missing or not ours */
	record Refused(String message) implements CommentOutcome {
	}

	/** not stored: too many comments from this client */
	record Limited(Duration retryAfter) implements CommentOutcome {
	}

	/** not stored: the post takes no comments */
	record Closed() implements CommentOutcome {
	}

	/** not stored: the database failed; the form comes back with the text */
	record Unsaved() implements CommentOutcome {
	}

}
