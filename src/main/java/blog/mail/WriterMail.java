package blog.mail;

import blog.comment.Comment;
import blog.comment.CommentStored;
import blog.comment.ReplyMail;
import blog.system.OutgoingMail;

import org.springframework.stereotype.Component;

/**
 * Replies by mail as a comment's private page changes them: asked for after posting, or
 * stopped.
 */
@Component
class WriterMail implements ReplyMail {

	private final OutgoingMail mail;

	private final Follows follows;

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	WriterMail(OutgoingMail mail, Follows follows, Subscribers subscribers, Subscriptions subscriptions) {
		this.mail = mail;
		this.follows = follows;
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
	}

	@Override
	public boolean on() {
		return this.mail.on();
	}

	@Override
	public boolean following(long commentId) {
		return this.subscriptions.followsOwnComment(commentId);
	}

	@Override
	public void follow(Comment comment, CommentStored.Follow follow) {
		long thread = (comment.parentId() != null) ? comment.parentId() : comment.id();
		Subscribers.Subscriber writer = this.follows.follow(follow.email(), follow.language(), Follows.thread(thread),
				comment.id());
		this.subscribers.writtenBy(comment.id(), writer.id());
	}

	@Override
	public void stop(long commentId) {
		this.subscriptions.stopOwnComment(commentId);
	}

}
