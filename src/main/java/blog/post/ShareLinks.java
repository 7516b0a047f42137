package blog.post;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The share links Blogger offers under a post, as plain links: no third-party script
 * runs.
 *
 * @param url the post's public address, to copy
 * @param email a mail with the title and the address
 * @param x a post on X
 * @param facebook a share on Facebook
 * @param linkedin a share on LinkedIn
 */
public record ShareLinks(String url, String email, String x, String facebook, String linkedin) {

	static ShareLinks of(String title, String url) {
		String u = encode(url);
		String t = encode(title);
		return new ShareLinks(url, "mailto:?subject=" + t + "&body=" + u,
				"https://x.com/intent/post?text=" + t + "&url=" + u,
				"https://www.facebook.com/sharer/sharer.php?u=" + u,
				"https://www.linkedin.com/sharing/share-offsite/?url=" + u);
	}

	private static String encode(String text) {
		// mailto: wants %20 for spaces; every other target accepts it too
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
