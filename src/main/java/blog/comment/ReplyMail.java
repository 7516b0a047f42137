package blog.comment;

/**
 * Mail of replies to a comment's writer, as the comment's private page offers it: kept by
 * the mail package, which implements this (the write path does not know it).
 */
public interface ReplyMail {

	/**
	 * @return whether readers can be mailed at all (a mail server is set)
	 */
	boolean on();

	/**
	 * @param commentId a comment
	 * @return whether its writer is mailed the replies in its thread
	 */
	boolean following(long commentId);

	/**
	 * Mails its writer the replies in the comment's thread, from now on (once their
	 * address is confirmed), in the caller's transaction.
	 * @param comment the comment
	 * @param follow the writer's address and language
	 */
	void follow(Comment comment, CommentStored.Follow follow);

	/**
	 * Stops mailing the writer the replies to this comment.
	 * @param commentId the comment
	 */
	void stop(long commentId);

}
