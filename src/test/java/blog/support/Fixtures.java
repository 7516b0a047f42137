package blog.support;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import blog.comment.CommentsChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Comments written straight to the database, for tests that need one to act on and do not
 * test how it was written. The post's page is told, as the write path tells it.
 */
public final class Fixtures {

	private Fixtures() {
	}

	/**
	 * @param text the comment's text, unique to the test
	 * @return the new published comment on the essay
	 */
	public static long publishedComment(JdbcClient jdbc, ApplicationEventPublisher events, String text) {
		jdbc.sql("""
				insert into comment (post_slug, author_name, body_markdown, body_html, status, created_at, client_hash,
				  body_hash, delete_token_hash)
				values (:slug, 'Fixture', :text, :html, 'PUBLISHED', :now, 'fixture', :hash, 'none')""")
			.param("slug", TestContent.ESSAY_SLUG)
			.param("text", text)
			.param("html", "<p>" + text + "</p>")
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.param("hash", UUID.randomUUID().toString())
			.update();
		events.publishEvent(CommentsChanged.any(TestContent.ESSAY_SLUG));
		return jdbc.sql("select max(id) from comment where body_markdown = :text")
			.param("text", text)
			.query(Long.class)
			.single();
	}

}
