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
import org.springframework.jdbc.core.simple.JdbcClient;
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

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final TransactionTemplate transactions;

	private final Postman postman;

	private final Clock clock;

	NewPosts(PostCatalog catalog, JdbcClient jdbc, Outbox outbox, TransactionTemplate transactions, Postman postman,
			Clock clock) {
		this.catalog = catalog;
		this.jdbc = jdbc;
		this.outbox = outbox;
		this.transactions = transactions;
		this.postman = postman;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void noteNewPosts() {
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		boolean mail = anyPostSeen();
		int announced = 0;
		for (Post post : this.catalog.posts()) {
			try {
				Boolean first = this.transactions.execute((status) -> seen(post.slug(), now, mail));
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

	/**
	 * Notes a post as seen; its first sight queues a mail to each confirmed address that
	 * follows the blog, unless {@code mail} is false (the posts already there on the
	 * first start ever).
	 * @return whether this was its first sight
	 */
	boolean seen(String slug, Instant now, boolean mail) {
		boolean first = this.jdbc.sql("""
				insert into mail_post (post_slug, first_seen_at)
				select :slug, :now where not exists (select 1 from mail_post where post_slug = :slug)""")
			.param("slug", slug)
			.param("now", Rows.utc(now))
			.update() == 1;
		if (first && mail) {
			this.outbox.queuePost(slug, now);
		}
		return first;
	}

	/**
	 * @return whether any post was ever seen (no: this is the first start with mail)
	 */
	private boolean anyPostSeen() {
		return this.jdbc.sql("select count(*) from mail_post").query(Long.class).single() > 0;
	}

}
