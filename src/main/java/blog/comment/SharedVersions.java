package blog.comment;

import java.util.HashMap;
import java.util.Map;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.BlogProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * With several instances on one database ({@code blog.shared-database=true}, set by the
 * {@code postgres} profile): each post's version in the {@code post_version} table. An
 * instance moves it in the transaction of each change it makes to a post's comments (the
 * same {@link CommentsChanged} its own pages follow), and reads the table twice a second:
 * a post whose version another instance moved is marked changed here too, so that its
 * page is rendered anew. A reader's page costs no query; a change shows on every instance
 * within a second. With one instance (the default) it does nothing.
 */
@Component
class SharedVersions implements SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(SharedVersions.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final PostCatalog catalog;

	private final boolean shared;

	private final Map<String, Long> seen = new HashMap<>();

	/**
	 * whether the table was read once: from then on, a post new to the table is a change
	 */
	private boolean primed;

	SharedVersions(JdbcClient jdbc, ApplicationEventPublisher events, PostCatalog catalog, BlogProperties properties) {
		this.jdbc = jdbc;
		this.events = events;
		this.catalog = catalog;
		this.shared = properties.sharedDatabase();
	}

	/**
	 * Gives every post a row in {@code post_version} at start, outside any transaction
	 * (an insert that loses a race to another instance would spoil a transaction on
	 * PostgreSQL), so that a change only ever updates it.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		if (!this.shared) {
			return;
		}
		for (Post post : this.catalog.posts()) {
			if (this.jdbc.sql("select count(*) from post_version where post_slug = :slug")
				.param("slug", post.slug())
				.query(Long.class)
				.single() == 0) {
				try {
					this.jdbc.sql("insert into post_version (post_slug, version) values (:slug, 0)")
						.param("slug", post.slug())
						.update();
				}
				catch (DuplicateKeyException ex) {
					// another instance inserted it first
				}
			}
		}
	}

	/**
	 * Moves a post's version in the database, in the transaction that changed its
	 * comments, so that the other instances see the change and the new version together
	 * (for the comment writer: one update per post and group of comments, not one per
	 * comment). A change made outside a transaction moves it at once.
	 * @param change what changed
	 */
	@TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
	void moveWithin(CommentsChanged change) {
		if (!this.shared) {
			return;
		}
		try {
			this.jdbc.sql("update post_version set version = version + 1 where post_slug = :slug")
				.param("slug", change.post())
				.update();
		}
		catch (DataAccessException ex) {
			if (TransactionSynchronizationManager.isActualTransactionActive()) {
				throw ex; // the change is not committed either: its writer is told
			}
			// the change itself is stored; the other instances see it with the next one
			logger.warn("Could not tell the other instances that " + change.post() + " changed: " + ex.getMessage());
		}
	}

	/**
	 * Twice a second: the posts other instances changed are marked changed here.
	 */
	@Scheduled(fixedDelayString = "${blog.shared-database-poll:500ms}")
	void poll() {
		if (!this.shared) {
			return;
		}
		try {
			this.jdbc.sql("select post_slug, version from post_version").query((row) -> {
				String slug = row.getString("post_slug");
				long version = row.getLong("version");
				Long before = this.seen.put(slug, version);
				if (this.primed && (before == null || before != version)) {
					this.events.publishEvent(new ChangedElsewhere(slug));
				}
			});
			this.primed = true;
		}
		catch (DataAccessException ex) {
			logger.warn("Could not read the posts' versions: " + ex.getMessage());
		}
	}

	/**
	 * Another instance changed a post's comments.
	 *
	 * @param slug the post
	 */
	record ChangedElsewhere(String slug) {
	}

}
