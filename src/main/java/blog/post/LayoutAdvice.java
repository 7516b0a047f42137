package blog.post;

import java.util.List;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the one layout shows on every page, error pages included: the blog's header and
 * the sidebar ("Popular posts from this blog", search, labels, archive).
 */
@ControllerAdvice
class LayoutAdvice {

	private final PostCatalog catalog;

	LayoutAdvice(PostCatalog catalog) {
		this.catalog = catalog;
	}

	@ModelAttribute("site")
	Site site() {
		return this.catalog.site();
	}

	@ModelAttribute("popular")
	List<PopularPost> popular() {
		return this.catalog.popular();
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
