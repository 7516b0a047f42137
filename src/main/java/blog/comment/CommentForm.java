package blog.comment;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.BindParam;

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
 * @param email where to mail replies, when {@code notify} is ticked (never shown, and
 * kept only while something is followed with it)
 * @param notifyReplies the {@code notify} box: whether to mail replies to this comment
 * ({@code "on"} when ticked)
 */
public record CommentForm(
		@NotBlank(message = "{comment.name.blank}") @Size(max = 80,
				message = "{comment.name.long}") @Nullable String name,
		@NotBlank(message = "{comment.body.blank}") @Nullable String body, @Nullable String parent,
		@Nullable String token, @Nullable String website,
		@Size(max = 254, message = "{comment.email.long}") @Nullable String email,
		@BindParam("notify") @Nullable String notifyReplies) {

	public static CommentForm empty() {
		return new CommentForm("", "", null, null, null, null, null);
	}

	public static CommentForm replyingTo(long parent) {
		return new CommentForm("", "", Long.toString(parent), null, null, null, null);
	}

	/**
	 * @return whether the writer asked to be mailed replies
	 */
	public boolean wantsReplies() {
		return this.notifyReplies != null && !this.notifyReplies.isBlank();
	}

}
