package blog.post;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import blog.support.TestContent;
import blog.system.BlogProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code popular: auto}: the sidebar lists the posts most read, as the counts say; the
 * newest stand in until anything is counted; the configured list stays by default.
 */
class PopularPostsTests {

	@TempDir
	Path dir;

	private final KeptPages kept = new KeptPages(new BlogProperties(Path.of("content"), Path.of("data"), null, null,
			false, Duration.ofMillis(500), Duration.ofMillis(200), null));

	@Test
	void autoShouldListTheMostReadPosts() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "sidebar.yaml", "popular: auto\n");
		ContentLoader.Content loaded = new ContentLoader(new MarkdownRenderer()).load(content);
		PostCatalog catalog = new PostCatalog(loaded.site(), loaded.popular(), loaded.popularAuto(), loaded.posts());
		AtomicReference<List<String>> counted = new AtomicReference<>(List.of());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mostRead", (MostRead) (days, limit) -> counted.get());
		PopularPosts popular = new PopularPosts(catalog, beans.getBeanProvider(MostRead.class), this.kept);

		popular.refresh();
		assertThat(popular.shown()).as("nothing counted yet: the newest")
			.extracting(PopularPost::title)
			.containsExactly(catalog.newest().title());

		counted.set(List.of("/2019/01/gone.html", TestContent.ESSAY_PATH));
		popular.refresh();
		assertThat(popular.shown()).singleElement().satisfies((item) -> {
			assertThat(item.title()).isEqualTo(catalog.newest().title());
			assertThat(item.parts().get(0).href()).hasToString(TestContent.ESSAY_PATH);
		});
	}

	@Test
	void theConfiguredListShouldStayByDefault() {
		ContentLoader.Content loaded = new ContentLoader(new MarkdownRenderer()).load(TestContent.REAL);
		PostCatalog catalog = new PostCatalog(loaded.site(), loaded.popular(), loaded.popularAuto(), loaded.posts());
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("mostRead", (MostRead) (days, limit) -> List.of(TestContent.ESSAY_PATH));
		PopularPosts popular = new PopularPosts(catalog, beans.getBeanProvider(MostRead.class), this.kept);
		popular.refresh();
		assertThat(popular.shown()).hasSize(3).isEqualTo(catalog.popular());
	}

}
