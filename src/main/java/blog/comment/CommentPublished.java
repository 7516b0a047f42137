package blog.comment;

/**
 * Published inside the transaction in which the editor shows a comment that readers did
 * not see (a held comment published, a comment restored): what it causes is committed
 * with the decision.
 *
 * @param id the comment
 */
public record CommentPublished(long id) {
}
