package blog.post;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The reader's pages: the newest post at {@code /}, each post at its Blogger address, and
 * the posts of a label.
 */
@Controller
class PostController {

	private final PostCatalog catalog;

	private final PostPages pages;

	PostController(PostCatalog catalog, PostPages pages) {
		this.catalog = catalog;
		this.pages = pages;
	}

	@GetMapping("/")
	String showNewest(Model model) {
		return showPost(this.catalog.newest(), model);
	}

	@GetMapping("/{year:\\d{4}}/{month:\\d{2}}/{slug}.html")
	String showPost(@PathVariable int year, @PathVariable int month, @PathVariable String slug, Model model) {
		Post post = this.catalog.find(year, month, slug)
			.orElseThrow(() -> new PostNotFoundException(year + "/" + month + "/" + slug));
		return showPost(post, model);
	}

	@GetMapping("/search/label/{label}")
	String showLabel(@PathVariable String label, Model model) {
		List<Post> posts = this.catalog.withLabel(label);
		if (posts.isEmpty()) {
			throw new PostNotFoundException("label " + label);
		}
		model.addAttribute("label", label);
		model.addAttribute("posts", posts);
		model.addAttribute("meta", this.pages.label(label));
		return "label";
	}

	private String showPost(Post post, Model model) {
		PostPages.PostPage page = this.pages.post(post);
		model.addAttribute("post", page.post());
		model.addAttribute("meta", page.meta());
		model.addAttribute("share", page.share());
		return "post";
	}

}
