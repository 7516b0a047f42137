package blog.mail;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import blog.post.Post;
import blog.post.PostCatalog;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Mails the blog's followers about a post the first time any instance starts with it in
 * {@code content/}: once, never again at later starts or on other instances (the post's
 * row in {@code mail_post} is written in the transaction that queues its mails, and only
 * one instance's insert succeeds). The posts there at the first start ever are noted
 * without mail. Posts are noted with mail off too, so that mail switched on later does
 * not announce old posts.
 */
@Component
class NewPosts {

	private static final Log logger = LogFactory.getLog(NewPosts.class);

	private final PostCatalog catalog;

	private final Mailbox mailbox;

	private final TransactionTemplate transactions;

	private final Postman postman;

	private final Clock clock;

	NewPosts(PostCatalog catalog, Mailbox mailbox, TransactionTemplate transactions, Postman postman, Clock clock) {
		this.catalog = catalog;
		this.mailbox = mailbox;
		this.transactions = transactions;
		this.postman = postman;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void noteNewPosts() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean mail = this.mailbox.anyPostSeen();
		int announced = 0;
		for (Post post : this.catalog.posts()) {
			try {
				Boolean first = this.transactions.execute((status) -> this.mailbox.postSeen(post.slug(), now, mail));
				if (Boolean.TRUE.equals(first) && mail) {
					announced++;
					logger.info("New post " + post.slug() + ": its followers are mailed");
				}
			}
			catch (DataIntegrityViolationException ex) {
				// another instance noted it first, and mails it
			}
		}
		if (announced > 0) {
			this.postman.wake();
		}
	}

}
