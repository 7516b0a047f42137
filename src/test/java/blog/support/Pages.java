package blog.support;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that hold for every page the blog sends.
 */
public final class Pages {

	private Pages() {
	}

	/**
	 * @param body a page's HTML
	 */
	public static void assertNoInternals(String body) {
		assertThat(body).doesNotContainIgnoringCase("Whitelabel")
			.doesNotContainIgnoringCase("exception")
			.doesNotContainIgnoringCase("tomcat")
			.doesNotContain("\tat ", "java.", "org.springframework");
	}

}
