package blog.comment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import blog.support.BlogTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A post's thread in outline, as {@link CommentRepository#readOutline} reads it from the
 * real H2 into a {@link ThreadOutline}: which threads readers see, in which order, and
 * which comments they count.
 */
@BlogTest
class ThreadOutlineTests {

	static final OffsetDateTime T = OffsetDateTime.of(2026, 11, 25, 10, 0, 0, 0, ZoneOffset.UTC);

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommentRepository repository;

	final String slug = "outline-" + UUID.randomUUID();

	@Test
	void outlineShouldShowPublishedThreadsAndDeletedOnesKeptForTheirRepliesInTimeOrder() {
		long late = comment(null, "PUBLISHED", 5);
		long early = comment(null, "PUBLISHED", 1);
		long sameTime = comment(null, "PUBLISHED", 1); // same time: by id
		long deletedWithReply = comment(null, "DELETED", 3);
		long keptReply = comment(deletedWithReply, "PUBLISHED", 4);
		comment(null, "DELETED", 2); // no replies: gone
		long held = comment(null, "PENDING", 0);
		comment(held, "PUBLISHED", 6); // a reply in a thread nobody sees
		long reply = comment(early, "PUBLISHED", 7);
		comment(early, "PENDING", 8);
		comment(early, "SPAM", 9);
		comment(late, "DELETED", 10);
		comment(reply, "PUBLISHED", 11); // a reply to a reply is not shown
		comment(null, "SPAM", 12);

		ThreadIndex.Outline outline = outline(this.slug);

		assertThat(outline.heads()).extracting(ThreadIndex.Head::id)
			.containsExactly(early, sameTime, deletedWithReply, late);
		assertThat(outline.heads().get(0).created()).isEqualTo(T.plusMinutes(1).toInstant());
		assertThat(outline.counted()).containsExactly(late, early, sameTime, keptReply, reply);
		assertThat(outline("no-such-post").heads()).isEmpty();
	}

	private ThreadIndex.Outline outline(String slug) {
		ThreadOutline outline = new ThreadOutline();
		this.repository.readOutline(slug, outline);
		return outline.outline();
	}

	@AfterEach
	void removeThePost() {
		this.jdbc.sql("update comment set parent_id = null where post_slug = :slug").param("slug", this.slug).update();
		this.jdbc.sql("delete from comment where post_slug = :slug").param("slug", this.slug).update();
	}

	private long comment(@Nullable Long parent, String status, int minute) {
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, created_at,
				  client_hash, body_hash, delete_token_hash)
				values (:slug, :parent, 'Ana', 'text', '<p>text</p>', :status, :at, 'c', 'b', 'd')""")
			.param("slug", this.slug)
			.param("parent", parent)
			.param("status", status)
			.param("at", T.plusMinutes(minute))
			.update(key, "id");
		return key.getKeyAs(Long.class);
	}

}
