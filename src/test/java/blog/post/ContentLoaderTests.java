package blog.post;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import blog.support.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static blog.support.TestContent.ESSAY_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ContentLoaderTests {

	private final ContentLoader loader = new ContentLoader(new MarkdownRenderer());

	@TempDir
	Path dir;

	@Test
	void loadWhenContentIsTheRealOneShouldReadTheEssayAndSidebar() {
		ContentLoader.Content content = this.loader.load(TestContent.REAL);
		assertThat(content.site().title()).isEqualTo("bordode");
		assertThat(content.posts()).singleElement().satisfies((post) -> {
			assertThat(post.slug()).isEqualTo("the-dangers-of-ignoring-diplomacy-why");
			assertThat(post.permalink()).isEqualTo(TestContent.ESSAY_PATH);
			assertThat(post.published().iso()).isEqualTo("2024-10");
			assertThat(post.published().day()).as("the seed gives the month alone").isNull();
			assertThat(post.labels()).hasSize(10).startsWith("NuclearDiplomacy").endsWith("InternationalRelations");
			assertThat(post.news()).isEqualTo(new NewsLink("Germany’s Scholz Plans Phone Call With Putin – Die Zeit",
					java.net.URI.create("https://lnkd.in/gHm7pJvK"), "SmartNews"));
			assertThat(post.original())
				.hasToString("https://bordode.blogspot.com/2024/10/the-dangers-of-ignoring-diplomacy-why.html");
			assertThat(post.html()).contains("<h2 id=\"1-nuclear-deterrence-a-perilous-game\">")
				.doesNotContain("<h1", "slug:");
		});
		assertThat(content.popular()).hasSize(3);
	}

	@Test
	void loadWhenFrontMatterIsBrokenYamlShouldNameFileAndLine() {
		Path file = breakEssay("slug: the-dangers-of-ignoring-diplomacy-why", "slug: the: dangers");
		assertFault(file + ":3: broken YAML: mapping values are not allowed here");
	}

	@Test
	void loadWhenTitleIsMissingShouldSaySo() {
		Path file = breakEssay("title: \"The Dangers", "#title: \"The Dangers");
		assertFault(file + ":3: 'title' is missing");
	}

	@Test
	void loadWhenFrontMatterHasUnknownKeyShouldNameKeyAndLine() {
		Path file = breakEssay("published: 2024-10", "published: 2024-10\nauthor: Someone");
		assertFault(file + ":5: unknown key 'author' (allowed: title, slug, published, description, labels, "
				+ "original, news, comments)");
	}

	@Test
	void loadWhenNewsHasUnknownKeyShouldNameItsLine() {
		Path file = breakEssay("  source: SmartNews", "  source: SmartNews\n  image: x.png");
		assertFault(file + ":25: unknown key 'image' (allowed: title, url, source)");
	}

	@Test
	void loadWhenDateIsNotRealShouldSaySo() {
		Path file = breakEssay("published: 2024-10", "published: 2024-13");
		assertFault(file + ":4: published '2024-13' is not a real date");
	}

	@Test
	void loadWhenDateIsProseShouldShowTheFormat() {
		Path file = breakEssay("published: 2024-10", "published: October 2024");
		assertFault(file + ":4: published 'October 2024' is not a date: write yyyy-MM (2024-10) or yyyy-MM-dd");
	}

	@Test
	void loadWhenAddressIsNotWebShouldSaySo() {
		Path file = breakEssay("original: https://bordode", "original: javascript:alert(1)//");
		assertFault(file + ":20: 'original' is not a web address");
	}

	@Test
	void loadWhenSlugHasCapitalsShouldSaySo() {
		Path file = breakEssay("slug: the-dangers", "slug: The-Dangers");
		assertFault(
				file + ":3: slug 'The-Dangers-of-ignoring-diplomacy-why' may hold only a-z, 0-9 and single hyphens");
	}

	@Test
	void loadWhenFrontMatterIsNeverClosedShouldSaySo() {
		Path file = breakEssay("---\n\nAs the war", "\nAs the war");
		assertFault(file + ":1: front matter is never closed: end it with a '---' line");
	}

	@Test
	void loadWhenFileHasNoFrontMatterShouldSaySo() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "posts/plain.md", "Just text.\n");
		assertFault(content.resolve("posts/plain.md") + ":1: must start with front matter");
	}

	@Test
	void loadWhenPostIsADirectoryShouldSayItCannotBeRead() throws IOException {
		Path content = TestContent.copyTo(this.dir);
		Files.createDirectories(content.resolve("posts/folder.md"));
		assertFault(content.resolve("posts/folder.md") + ": cannot be read");
	}

	@Test
	void loadWhenPostIsNotUtf8ShouldSaySo() throws IOException {
		Path content = TestContent.copyTo(this.dir);
		Files.write(content.resolve("posts/latin1.md"), "---\ntitle: caf\u00e9\n---\n".getBytes("ISO-8859-1"));
		assertFault(content.resolve("posts/latin1.md") + ": is not UTF-8 text: save it as UTF-8");
	}

	@Test
	void loadWhenTwoPostsShareASlugShouldNameBoth() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "posts/2024-11-copy.md",
				TestContent.read(ESSAY_FILE).replace("published: 2024-10", "published: 2024-11"));
		assertFault(content.resolve("posts/2024-11-copy.md") + ": slug 'the-dangers-of-ignoring-diplomacy-why' is "
				+ "already used by " + content.resolve(ESSAY_FILE));
	}

	@Test
	void loadWhenFolderIsMissingShouldSaySo() {
		Path missing = this.dir.resolve("nowhere");
		assertThatExceptionOfType(ContentException.class).isThrownBy(() -> this.loader.load(missing))
			.withMessageStartingWith(missing + ": content folder not found");
	}

	@Test
	void loadWhenPostsFolderIsEmptyShouldSaySo() throws IOException {
		Path content = TestContent.copyTo(this.dir);
		Files.delete(content.resolve(ESSAY_FILE));
		assertFault(content.resolve("posts") + ": holds no posts");
	}

	@Test
	void loadWhenSiteHasUnknownKeyShouldNameIt() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "site.yaml", "title: t\ndescription: d\nbase-url: https://example.org\n"
				+ "original-blog: https://example.org\ntheme: dark\n");
		assertFault(content.resolve("site.yaml") + ":5: unknown key 'theme'");
	}

	@Test
	void loadWhenSidebarIsBrokenShouldNameLine() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "sidebar.yaml", "popular:\n  - title: \"unclosed\n");
		assertFault(content.resolve("sidebar.yaml") + ":3: broken YAML");
	}

	@Test
	void loadWhenSidebarSaysAutoShouldListTheMostRead() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "sidebar.yaml", "popular: auto\n");
		ContentLoader.Content loaded = this.loader.load(content);
		assertThat(loaded.popularAuto()).isTrue();
		assertThat(loaded.popular()).isEmpty();
		assertThat(this.loader.load(TestContent.REAL).popularAuto()).as("the essay's list stays by default").isFalse();
	}

	@Test
	void loadWhenSidebarSaysSomethingElseShouldSayWhat() {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, "sidebar.yaml", "popular: most\n");
		assertFault(content.resolve("sidebar.yaml") + ":1: 'popular' must be a list of posts (- title: ...) or auto");
	}

	@Test
	void loadWhenSidebarIsAbsentShouldShowNoPopularPosts() throws IOException {
		Path content = TestContent.copyTo(this.dir);
		Files.delete(content.resolve("sidebar.yaml"));
		assertThat(this.loader.load(content).popular()).isEmpty();
	}

	private Path breakEssay(String find, String replacement) {
		Path content = TestContent.copyTo(this.dir);
		String essay = TestContent.read(ESSAY_FILE);
		assertThat(essay).contains(find);
		TestContent.write(content, ESSAY_FILE, essay.replace(find, replacement));
		return content.resolve(ESSAY_FILE);
	}

	private void assertFault(String expectedStart) {
		assertThatExceptionOfType(ContentException.class).isThrownBy(() -> this.loader.load(this.dir))
			.withMessageStartingWith(expectedStart)
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("\n"));
	}

}
