package blog.admin;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import blog.comment.CommentHeld;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.OutgoingMail;
import blog.system.Text;
import jakarta.annotation.PreDestroy;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails the editor when a comment is held, with a link straight to it on the desk. Off
 * unless both {@code blog.admin.mail-to} and {@code spring.mail.host} are set. Mail goes
 * out on a thread of its own, so that a slow or failing mail server never slows or fails
 * a reader's comment; a mail that cannot be sent is logged, and the comment waits on the
 * desk all the same.
 */
@Component
class EditorMail {

	private static final Log logger = LogFactory.getLog(EditorMail.class);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final int EXCERPT = 2000;

	private final @Nullable JavaMailSender sender;

	private final @Nullable String to;

	private final String from;

	private final PostCatalog catalog;

	private final ThreadPoolExecutor outbox = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
			new ArrayBlockingQueue<>(1000), (task, executor) -> logger.warn(
					"More than 1000 mails to the editor wait to be sent: this one is dropped (the desk has them all)"));

	EditorMail(OutgoingMail mail, AdminProperties admin, PostCatalog catalog) {
		String mailTo = admin.mailTo();
		this.to = (mailTo != null && !mailTo.isBlank()) ? mailTo.strip() : null;
		this.from = admin.mailFrom().strip();
		this.sender = (this.to != null && mail.on()) ? mail.sender() : null;
		this.catalog = catalog;
		if (this.to != null && this.sender == null) {
			logger.warn("blog.admin.mail-to is set but spring.mail.host is not: no mail will be sent when a comment"
					+ " is held");
		}
	}

	/**
	 * @return whether mail to the editor is on
	 */
	boolean on() {
		return this.sender != null;
	}

	@EventListener
	void commentHeld(CommentHeld held) {
		if (this.sender == null || this.to == null) {
			return;
		}
		SimpleMailMessage message = message(held, this.to);
		JavaMailSender sender = this.sender;
		this.outbox.execute(() -> {
			try {
				sender.send(message);
			}
			catch (MailException ex) {
				logger.warn(
						"Could not mail the editor about held comment " + held.comment().id() + ": " + ex.getMessage());
			}
		});
	}

	private SimpleMailMessage message(CommentHeld held, String to) {
		String title = this.catalog.find(held.comment().postSlug()).map(Post::title).orElse(held.comment().postSlug());
		String text = held.comment().bodyMarkdown();
		if (text.length() > EXCERPT) {
			text = text.substring(0, EXCERPT) + " …";
		}
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.from);
		message.setTo(to);
		message
			.setSubject(Text.oneLine("Held for review: a comment by " + held.comment().authorName() + " on " + title));
		message.setText("A comment waits for you on “" + title + "”.\n\n" + "Why it waits: " + held.reason() + "\n"
				+ "Name: " + Text.oneLine(held.comment().authorName()) + "\n" + "Written: "
				+ WHEN.format(held.comment().createdAt()) + "\n\n" + text + "\n\n" + "Publish it or throw it out: "
				+ this.catalog.site().absolute("/admin/comments/" + held.comment().id()) + "\n");
		return message;
	}

	@PreDestroy
	void finishSending() throws InterruptedException {
		this.outbox.shutdown();
		if (!this.outbox.awaitTermination(10, TimeUnit.SECONDS)) {
			logger.warn("Mails to the editor still unsent at shutdown: " + this.outbox.getQueue().size());
			this.outbox.shutdownNow();
		}
	}

}
