package blog.post;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PopularPostTests {

	private final Site site = new Site("blog", "about", URI.create("https://example.org"),
			URI.create("https://bordode.blogspot.com"));

	@Test
	void popularPostWhenAddressIsUnknownShouldLinkToASearchForTheTitle() {
		PopularPost post = PopularPost.of("Who & What is #Evil & how does mankind defeat it?", null, this.site);
		assertThat(post.parts())
			.containsExactly(new PopularPost.Part("Who & What is #Evil & how does mankind defeat it?", URI.create(
					"https://bordode.blogspot.com/search?q=Who+%26+What+is+%23Evil+%26+how+does+mankind+defeat+it%3F")));
	}

	@Test
	void popularPostWhenTitleHoldsAddressesShouldLinkEachOnItsOwn() {
		String title = "Report by @hebrish https://bit.ly/387QbcF http://twitter.com/CHPSRE/status/1428899426421002240";
		PopularPost post = PopularPost.of(title, null, this.site);
		assertThat(post.parts()).extracting(PopularPost.Part::text)
			.containsExactly("Report by @hebrish", "https://bit.ly/387QbcF",
					"http://twitter.com/CHPSRE/status/1428899426421002240");
		assertThat(post.parts()).extracting(PopularPost.Part::href)
			.containsExactly(URI.create("https://bordode.blogspot.com/search?q=Report+by+%40hebrish"),
					URI.create("https://bit.ly/387QbcF"),
					URI.create("http://twitter.com/CHPSRE/status/1428899426421002240"));
		assertThat(String.join(" ", post.parts().stream().map(PopularPost.Part::text).toList())).isEqualTo(title);
	}

	@Test
	void popularPostWhenAddressIsKnownShouldLinkTheTitleToIt() {
		PopularPost post = PopularPost.of("A post", URI.create("https://example.org/a.html"), this.site);
		assertThat(post.parts())
			.containsExactly(new PopularPost.Part("A post", URI.create("https://example.org/a.html")));
	}

}
