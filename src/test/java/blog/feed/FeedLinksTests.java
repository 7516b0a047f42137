package blog.feed;

import java.net.URI;

import blog.post.Site;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The addresses a feed links to, without the application: a label may hold spaces, so its
 * page's address must be encoded as on the label pages themselves.
 */
class FeedLinksTests {

	private static final Site SITE = new Site("bordode", "Opinions", URI.create("https://bordode.example"),
			URI.create("https://bordode.blogspot.com"));

	@Test
	void labelPageShouldEncodeASpace() {
		assertThat(Feeds.labelPage(SITE, "Peace talks"))
			.isEqualTo("https://bordode.example/search/label/Peace%20talks");
	}

	@Test
	void labelPageShouldBeAValidAddress() {
		assertThat(URI.create(Feeds.labelPage(SITE, "Peace talks")).getPath()).isEqualTo("/search/label/Peace talks");
	}

	@Test
	void labelPageShouldKeepTheOtherCharactersALabelMayHold() {
		assertThat(Feeds.labelPage(SITE, "Nuclear_Diplomacy.2024-25"))
			.isEqualTo("https://bordode.example/search/label/Nuclear_Diplomacy.2024-25");
	}

}
