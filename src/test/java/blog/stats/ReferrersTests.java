package blog.stats;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where readers came from: a host only, search engines and social sites by name, the
 * blog's own pages and anything odd not at all.
 */
class ReferrersTests {

	@Test
	void searchEnginesAndSocialSitesShouldBeNamed() {
		assertThat(Referrers.site("https://www.google.de/", "blog.example.org")).isEqualTo("Google");
		assertThat(Referrers.site("https://www.google.co.uk/search?q=diplomacy", null)).isEqualTo("Google");
		assertThat(Referrers.site("https://news.google.com/articles/x", null)).isEqualTo("Google News");
		assertThat(Referrers.site("https://duckduckgo.com/", null)).isEqualTo("DuckDuckGo");
		assertThat(Referrers.site("https://t.co/abc", null)).isEqualTo("X");
		assertThat(Referrers.site("https://l.facebook.com/l.php?u=x", null)).isEqualTo("Facebook");
		assertThat(Referrers.site("https://lnkd.in/gHm7pJvK", null)).isEqualTo("LinkedIn");
	}

	@Test
	void otherSitesShouldBeTheirHostOnly() {
		assertThat(Referrers.site("https://www.Example.org/a/private/path?token=secret#x", null))
			.isEqualTo("example.org");
		assertThat(Referrers.site("http://forum.example.net:8080/t/1", null)).isEqualTo("forum.example.net");
	}

	@Test
	void theBlogItselfAndOddValuesShouldBeNoSource() {
		assertThat(Referrers.site("https://blog.example.org/2024/10/x.html", "blog.example.org")).isNull();
		assertThat(Referrers.site(null, null)).isNull();
		assertThat(Referrers.site("", null)).isNull();
		assertThat(Referrers.site("android-app://com.google.android.gm/", null)).isNull();
		assertThat(Referrers.site("not a url at all", null)).isNull();
		assertThat(Referrers.site("javascript:alert(1)", null)).isNull();
		assertThat(Referrers.site("https://" + "a".repeat(3000) + ".org/", null)).isNull();
	}

}
