package blog.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * What the comment form sends. Every field may be missing or wrong; nothing here is
 * trusted.
 *
 * @param name the writer's name, shown as plain text
 * @param body the comment, in the Markdown subset the form describes
 * @param parent the number of the comment this one replies to (text, so that a bad number
 * becomes a message beside the form, with everything typed kept)
 * @param token the form's signed token
 * @param website the honeypot: hidden from people, filled in by bots
 */
public record CommentForm(
		@NotBlank(message = "{comment.name.blank}") @Size(max = 80,
				message = "{comment.name.long}") @Nullable String name,
		@NotBlank(message = "{comment.body.blank}") @Nullable String body, @Nullable String parent,
		@Nullable String token, @Nullable String website) {

	public static CommentForm empty() {
		return new CommentForm("", "", null, null, null);
	}

	public static CommentForm replyingTo(long parent) {
		return new CommentForm("", "", Long.toString(parent), null, null);
	}

}
