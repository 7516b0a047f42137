package blog.comment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommentRendererTests {

	private final CommentRenderer renderer = new CommentRenderer();

	@Test
	void renderShouldKeepTheAllowedMarkdown() {
		assertThat(this.renderer.render("*em* **strong** `code`"))
			.isEqualTo("<p><em>em</em> <strong>strong</strong> <code>code</code></p>\n");
		assertThat(compact(this.renderer.render("> quoted"))).isEqualTo("<blockquote><p>quoted</p></blockquote>");
		assertThat(compact(this.renderer.render("- one\n- two"))).isEqualTo("<ul><li>one</li><li>two</li></ul>");
		assertThat(compact(this.renderer.render("1. one\n2. two"))).isEqualTo("<ol><li>one</li><li>two</li></ol>");
		assertThat(this.renderer.render("```\nx < y\n```")).isEqualTo("<pre><code>x &lt; y\n</code></pre>\n");
	}

	@Test
	void renderShouldTurnLineBreaksIntoBreaks() {
		assertThat(this.renderer.render("first line\nsecond line")).isEqualTo("<p>first line<br />\nsecond line</p>\n");
	}

	@Test
	void renderShouldMarkLinksAsUserContent() {
		assertThat(this.renderer.render("[site](https://example.org/a?b=c&d=e)")).isEqualTo(
				"<p><a href=\"https://example.org/a?b&#61;c&amp;d&#61;e\" rel=\"nofollow ugc noopener\">site</a></p>\n");
		assertThat(this.renderer.render("[mail](mailto:a@example.org)")).contains("href=\"mailto:a&#64;example.org\"");
	}

	@Test
	void renderShouldDropLinksWithOtherSchemes() {
		assertThat(this.renderer.render("[x](javascript:alert(1))")).isEqualTo("<p>x</p>\n");
		assertThat(this.renderer.render("[x](data:text/html;base64,PHNjcmlwdD4=)")).isEqualTo("<p>x</p>\n");
		assertThat(this.renderer.render("[x](vbscript:msgbox)")).isEqualTo("<p>x</p>\n");
		assertThat(this.renderer.render("[x](&#106;avascript:alert(1))")).doesNotContain("href");
	}

	@Test
	void renderShouldDropRelativeLinks() {
		assertThat(this.renderer.render("[x](.alert(1);)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldDropRootRelativeLinks() {
		assertThat(this.renderer.render("[x](/admin)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldDropSchemeRelativeLinks() {
		assertThat(this.renderer.render("[x](//evil.example/page)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldDropFragmentOnlyLinks() {
		assertThat(this.renderer.render("[x](#comments)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldDropQueryOnlyLinks() {
		assertThat(this.renderer.render("[x](?q=1)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldDropHttpLinksWithoutAHost() {
		assertThat(this.renderer.render("[x](http:/admin)")).isEqualTo("<p>x</p>\n");
	}

	@Test
	void renderShouldKeepHttpLinks() {
		assertThat(this.renderer.render("[x](http://example.org/a)"))
			.isEqualTo("<p><a href=\"http://example.org/a\" rel=\"nofollow ugc noopener\">x</a></p>\n");
	}

	@Test
	void renderShouldKeepHttpsLinksWithAnyCase() {
		assertThat(this.renderer.render("[x](HTTPS://example.org)")).contains("<a href=\"HTTPS://example.org\"");
	}

	@Test
	void sanitizeShouldDropRelativeLinks() {
		assertThat(this.renderer.sanitize("<a href=\"../admin\">x</a>")).isEqualTo("x");
	}

	@Test
	void sanitizeShouldDropSchemeRelativeLinks() {
		assertThat(this.renderer.sanitize("<a href=\"//evil.example/\">x</a>")).isEqualTo("x");
	}

	@Test
	void sanitizeShouldDropFragmentOnlyLinks() {
		assertThat(this.renderer.sanitize("<a href=\"#c1001\">x</a>")).isEqualTo("x");
	}

	@Test
	void sanitizeShouldDropQueryOnlyLinks() {
		assertThat(this.renderer.sanitize("<a href=\"?showComment=1\">x</a>")).isEqualTo("x");
	}

	@Test
	void sanitizeShouldKeepHttpHttpsAndMailtoLinks() {
		assertThat(this.renderer.sanitize(
				"<a href=\"http://example.org\">a</a> <a href=\"https://example.org\">b</a> <a href=\"mailto:a@example.org\">c</a>"))
			.isEqualTo("<a href=\"http://example.org\" rel=\"nofollow ugc noopener\">a</a> "
					+ "<a href=\"https://example.org\" rel=\"nofollow ugc noopener\">b</a> "
					+ "<a href=\"mailto:a&#64;example.org\" rel=\"nofollow ugc noopener\">c</a>");
	}

	@Test
	void renderShouldShowHtmlAsText() {
		assertThat(this.renderer.render("<script>alert(1)</script>"))
			.isEqualTo("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n");
		assertThat(this.renderer.render("<img src=x onerror=alert(1)>")).doesNotContain("<img").contains("&lt;img");
	}

	@Test
	void renderShouldShowImagesAndHeadingsAsTypedText() {
		assertThat(this.renderer.render("![cat](https://example.org/cat.png)"))
			.isEqualTo("<p>![cat](https://example.org/cat.png)</p>\n");
		assertThat(this.renderer.render("# Big")).isEqualTo("<p># Big</p>\n");
		assertThat(this.renderer.render("---")).doesNotContain("<hr");
	}

	private static String compact(String html) {
		return html.replaceAll(">\\s+<", "><").strip();
	}

	@Test
	void hasLinkShouldSeeLinksAndBareAddresses() {
		assertThat(this.renderer.hasLink("[x](https://example.org)")).isTrue();
		assertThat(this.renderer.hasLink("see www.example.org")).isTrue();
		assertThat(this.renderer.hasLink("see http://example.org")).isTrue();
		assertThat(this.renderer.hasLink("no links here, just https: talk")).isFalse();
	}

}
