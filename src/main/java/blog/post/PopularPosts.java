package blog.post;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The sidebar's "Popular posts": the list sidebar.yaml gives, or with {@code popular:
 * auto} the five posts people read most in the last 30 days, looked up at the start and
 * every 10 minutes; when that list changes, the pages kept in memory are rendered again
 * with it. Until anything is counted, the newest posts stand in.
 */
@Component
class PopularPosts {

	private static final Log logger = LogFactory.getLog(PopularPosts.class);

	static final int DAYS = 30;

	static final int SHOWN = 5;

	private final PostCatalog catalog;

	private final ObjectProvider<MostRead> mostRead;

	private final KeptPages kept;

	private volatile List<PopularPost> current;

	PopularPosts(PostCatalog catalog, ObjectProvider<MostRead> mostRead, KeptPages kept) {
		this.catalog = catalog;
		this.mostRead = mostRead;
		this.kept = kept;
		this.current = catalog.popularAuto() ? newest() : catalog.popular();
	}

	List<PopularPost> shown() {
		return this.current;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Scheduled(fixedDelay = 600_000, initialDelay = 600_000)
	void refresh() {
		if (!this.catalog.popularAuto()) {
			return;
		}
		List<PopularPost> found = new ArrayList<>();
		try {
			MostRead counts = this.mostRead.getIfAvailable();
			if (counts != null) {
				for (String path : counts.paths(DAYS, SHOWN)) {
					this.catalog.atPermalink(path).ifPresent((post) -> found.add(item(post)));
				}
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Popular posts not looked up, the list stays as it was: " + ex.getMessage());
			return;
		}
		List<PopularPost> next = found.isEmpty() ? newest() : List.copyOf(found);
		if (!Objects.equals(next, this.current)) {
			this.current = next;
			this.kept.clear();
		}
	}

	private List<PopularPost> newest() {
		return this.catalog.posts().stream().limit(SHOWN).map(PopularPosts::item).toList();
	}

	private static PopularPost item(Post post) {
		return new PopularPost(post.title(),
				List.of(new PopularPost.Part(post.title(), java.net.URI.create(post.permalink()))));
	}

}
