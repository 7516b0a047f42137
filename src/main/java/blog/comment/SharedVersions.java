package blog.comment;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * With several instances on one database ({@code blog.shared-database=true}, set by the
 * {@code postgres} profile): each post's version in the {@code post_version} table. An
 * instance moves it with each change it makes to a post's comments, and reads the table
 * twice a second: a post whose version another instance moved is marked changed here too,
 * so that its page is rendered anew. A reader's page costs no query; a change shows on
 * every instance within a second. With one instance (the default) it does nothing.
 */
@Component
class SharedVersions {

	private static final Log logger = LogFactory.getLog(SharedVersions.class);

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final boolean shared;

	private final Map<String, Long> seen = new HashMap<>();

	/** the posts known to have a row in {@code post_version} */
	private final Set<String> prepared = ConcurrentHashMap.newKeySet();

	/**
	 * whether the table was read once: from then on, a post new to the table is a change
	 */
	private boolean primed;

	SharedVersions(JdbcClient jdbc, ApplicationEventPublisher events,
			@Value("${blog.shared-database:false}") boolean shared) {
		this.jdbc = jdbc;
		this.events = events;
		this.shared = shared;
	}

	boolean shared() {
		return this.shared;
	}

	/**
	 * Moves a post's version in the database, for the other instances.
	 * @param slug the post
	 */
	void moved(String slug) {
		if (!this.shared) {
			return;
		}
		try {
			prepare(slug);
			moveWithin(slug);
		}
		catch (DataAccessException ex) {
			// the change itself is stored; the other instances see it with the next one
			logger.warn("Could not tell the other instances that " + slug + " changed: " + ex.getMessage());
		}
	}

	/**
	 * Makes sure the post has a row in {@code post_version}, outside any transaction (an
	 * insert that loses a race to another instance would spoil a transaction on
	 * PostgreSQL). Once per post and instance.
	 * @param slug the post
	 */
	void prepare(String slug) {
		if (!this.shared || this.prepared.contains(slug)) {
			return;
		}
		if (this.jdbc.sql("select count(*) from post_version where post_slug = :slug")
			.param("slug", slug)
			.query(Long.class)
			.single() == 0) {
			try {
				this.jdbc.sql("insert into post_version (post_slug, version) values (:slug, 0)")
					.param("slug", slug)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another instance inserted it first
			}
		}
		this.prepared.add(slug);
	}

	/**
	 * Moves a post's version in the caller's transaction, so that the other instances see
	 * the change and the new version together: the comment writer moves it in the
	 * transaction that stores a group of comments (one commit, not one per comment).
	 * {@link #prepare} must have made the row.
	 * @param slug the post
	 */
	void moveWithin(String slug) {
		if (this.shared) {
			this.jdbc.sql("update post_version set version = version + 1 where post_slug = :slug")
				.param("slug", slug)
				.update();
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
