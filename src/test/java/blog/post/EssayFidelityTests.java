package blog.post;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import blog.support.BlogTest;
import blog.support.MockWeb;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.support.TestContent.ESSAY_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served essay is the seed's essay word for word: a verbatim copy of the seed is kept
 * in {@code src/test/resources/seed/essay.txt} and compared block by block with the page.
 */
@BlogTest
class EssayFidelityTests {

	@Autowired
	MockMvcTester mvc;

	private Seed seed;

	private Document page;

	@BeforeEach
	void readSeedAndPage() throws IOException {
		this.seed = Seed.read();
		this.page = Jsoup.parse(new MockWeb(this.mvc).get(ESSAY_PATH).body());
	}

	@Test
	void titleShouldBeTheSeedsTitle() {
		assertThat(this.page.selectFirst("article h1").text()).isEqualTo(this.seed.title());
	}

	@Test
	void articleShouldHoldEverySeedLineInOrder() {
		Element article = this.page.selectFirst("article");
		List<String> blocks = new ArrayList<>();
		blocks.add(article.selectFirst("h1").text());
		article.select(".post-body > *").forEach((block) -> blocks.add(block.text()));
		blocks.add(String.join(" ", article.select(".labels li").eachText()));
		blocks.add(article.selectFirst(".news-card").text());
		assertThat(blocks).containsExactlyElementsOf(this.seed.essay());
	}

	@Test
	void sectionsShouldBeTheFiveNumberedOnesAndTheConclusion() {
		assertThat(this.page.select("article .post-body h2").eachText()).containsExactly(
				"1. Nuclear Deterrence: A Perilous Game", "2. Trust Deficit and the Fear of Weakness",
				"3. Military Aid vs. Diplomatic Leverage", "4. The Risk of Escalation", "5. Global Implications",
				"Conclusion: Diplomacy as a Necessity");
	}

	@Test
	void sidebarShouldHoldTheThreePopularTitlesExactly() {
		assertThat(this.page.select("aside .popular li").eachText()).containsExactlyElementsOf(this.seed.popular());
	}

	/**
	 * The seed: the title, a blank line, the title again (Blogger repeats it above the
	 * post), the essay up to the page's "Comments" line, then "Popular posts from this
	 * blog" and the popular titles.
	 */
	record Seed(String title, List<String> essay, List<String> popular) {

		static Seed read() throws IOException {
			List<String> lines = new ClassPathResource("seed/essay.txt").getContentAsString(StandardCharsets.UTF_8)
				.lines()
				.map(String::strip)
				.filter((line) -> !line.isEmpty())
				.toList();
			String title = lines.get(0);
			assertThat(lines.get(1)).isEqualTo(title);
			int comments = lines.indexOf("Comments");
			int popular = lines.indexOf("Popular posts from this blog");
			assertThat(comments).isPositive().isLessThan(popular);
			List<String> essay = new ArrayList<>();
			essay.add(title);
			essay.addAll(lines.subList(2, comments));
			return new Seed(title, essay, lines.subList(popular + 1, lines.size()));
		}

	}

}
