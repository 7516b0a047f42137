package blog.post;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/**
 * Addresses of label pages, Blogger's: {@code /search/label/{label}}.
 */
final class LabelPaths {

	private LabelPaths() {
	}

	static String of(String label) {
		return "/search/label/" + UriUtils.encodePathSegment(label, StandardCharsets.UTF_8);
	}

}
