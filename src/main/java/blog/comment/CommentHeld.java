package blog.comment;

/**
 * Published when a comment starts waiting for the editor: held as it was written, or
 * hidden by readers' reports.
 *
 * @param comment the comment
 * @param reason why it waits
 */
public record CommentHeld(Comment comment, String reason) {
}
