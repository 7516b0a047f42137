package blog.post;

import java.util.List;

import blog.system.OutgoingMail;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the one layout shows on every page, error pages included: the blog's header and
 * the sidebar ("Popular posts from this blog", search, labels, archive, and new posts by
 * mail).
 */
@ControllerAdvice
class LayoutAdvice {

	private final PostCatalog catalog;

	private final OutgoingMail mail;

	private final PopularPosts popular;

	LayoutAdvice(PostCatalog catalog, OutgoingMail mail, PopularPosts popular) {
		this.catalog = catalog;
		this.mail = mail;
		this.popular = popular;
	}

	/**
	 * @return whether readers are offered mail (the blog's new posts in the sidebar,
	 * replies beside the comment form): only when a mail server is set
	 */
	@ModelAttribute("mailOn")
	boolean mailOn() {
		return this.mail.on();
	}

	@ModelAttribute("site")
	Site site() {
		return this.catalog.site();
	}

	@ModelAttribute("popular")
	List<PopularPost> popular() {
		return this.popular.shown();
	}

	@ModelAttribute("allLabels")
	List<PostCatalog.Count<String>> labels() {
		return this.catalog.labels();
	}

	@ModelAttribute("archive")
	List<PostCatalog.Month> archive() {
		return this.catalog.months();
	}

}
