package blog.admin;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentProperties;
import blog.comment.ModerationMode;
import blog.comment.moderation.Moderation;
import blog.post.Post;
import blog.post.PostCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editor's desk as the editor reads it: the queue of comments, one comment, and the
 * audit trail. What the editor does there is {@link DeskActions}.
 */
@Controller
class DeskController {

	private static final int SEARCH_MAX = 200;

	private final Moderation moderation;

	private final ModerationMode mode;

	private final Desk desk;

	private final PostCatalog catalog;

	private final MessageSource messages;

	DeskController(Moderation moderation, ModerationMode mode, Desk desk, PostCatalog catalog, MessageSource messages) {
		this.moderation = moderation;
		this.mode = mode;
		this.desk = desk;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String showDesk(@RequestParam(name = "show", defaultValue = "queue") String show,
			@RequestParam(name = "q", required = false) @Nullable String search,
			@RequestParam(name = "page", defaultValue = "1") String pageParameter, Model model, Locale locale) {
		Moderation.Filter filter = filter(show);
		String query = (search != null) ? search.strip() : "";
		if (query.length() > SEARCH_MAX) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The search is too long");
		}
		int page = page(pageParameter);
		long total = this.moderation.count(filter, query);
		int pages = (int) Math.max(1, (total + Moderation.PER_PAGE - 1) / Moderation.PER_PAGE);
		if (page > pages) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<Moderation.Item> items = this.moderation.list(filter, query, page);
		return desk(model, filter.name().toLowerCase(Locale.ROOT), query, items, total, page, pages,
				back(filter, query, page), locale);
	}

	/**
	 * One comment on the desk: where a mail about a held comment links to.
	 */
	@GetMapping("/admin/comments/{id}")
	String showComment(@PathVariable String id, Model model, Locale locale) {
		Moderation.Item item = (id.matches("\\d{1,18}") ? this.moderation.find(Long.parseLong(id))
				: Optional.<Moderation.Item>empty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return desk(model, "one", "", List.of(item), 1, 1, 1, "/admin/comments/" + id, locale);
	}

	private String desk(Model model, String show, String query, List<Moderation.Item> items, long total, int page,
			int pages, String back, Locale locale) {
		Map<String, String> titles = new HashMap<>();
		for (Post post : this.catalog.posts()) {
			titles.put(post.slug(), post.title());
		}
		model.addAttribute("show", show);
		model.addAttribute("tabs", tabs(locale));
		model.addAttribute("q", query);
		model.addAttribute("items", items);
		model.addAttribute("total", total);
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("titles", titles);
		model.addAttribute("permalinks", permalinks());
		model.addAttribute("modes", CommentProperties.Moderation.values());
		model.addAttribute("mode", this.mode.current());
		model.addAttribute("configuredMode", this.mode.configured());
		model.addAttribute("back", back);
		return "admin/desk";
	}

	@GetMapping("/admin/audit")
	String showAudit(Model model) {
		model.addAttribute("events", this.desk.auditTrail(200));
		return "admin/audit";
	}

	/**
	 * @return the desk's lists, each with its count, labelled in the request's language
	 */
	private List<Tab> tabs(Locale locale) {
		Map<Comment.Status, Long> counts = this.moderation.counts();
		List<Tab> tabs = new ArrayList<>();
		for (Moderation.Filter filter : Moderation.Filter.values()) {
			String name = filter.name().toLowerCase(Locale.ROOT);
			String label = switch (filter) {
				case QUEUE -> this.messages.getMessage("desk.tab.queue", null, locale);
				case REPORTED -> label("desk.tab.reported", this.moderation.reported(), locale);
				case HELD -> label("desk.tab.held", counts.get(Comment.Status.PENDING), locale);
				case PUBLISHED -> label("desk.tab.published", counts.get(Comment.Status.PUBLISHED), locale);
				case SPAM -> label("desk.tab.spam", counts.get(Comment.Status.SPAM), locale);
				case DELETED -> label("desk.tab.deleted", counts.get(Comment.Status.DELETED), locale);
			};
			tabs.add(new Tab(name, label, (filter == Moderation.Filter.QUEUE) ? "/admin" : "/admin?show=" + name));
		}
		return tabs;
	}

	private String label(String key, @Nullable Number count, Locale locale) {
		return this.messages.getMessage(key, new Object[] { count }, locale);
	}

	private Map<String, String> permalinks() {
		Map<String, String> permalinks = new HashMap<>();
		for (Post post : this.catalog.posts()) {
			permalinks.put(post.slug(), post.permalink());
		}
		return permalinks;
	}

	private static Moderation.Filter filter(String show) {
		try {
			return Moderation.Filter.valueOf(show.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown list");
		}
	}

	private static int page(String page) {
		if (!page.matches("\\d{1,6}") || Integer.parseInt(page) < 1) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Bad page number");
		}
		return Integer.parseInt(page);
	}

	private static String back(Moderation.Filter filter, String query, int page) {
		UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/admin");
		if (filter != Moderation.Filter.QUEUE) {
			uri.queryParam("show", filter.name().toLowerCase(Locale.ROOT));
		}
		if (!query.isEmpty()) {
			uri.queryParam("q", query);
		}
		if (page > 1) {
			uri.queryParam("page", page);
		}
		return uri.encode().build().toUriString();
	}

	/**
	 * One of the desk's lists.
	 *
	 * @param name its name in {@code ?show=}
	 * @param label what the link says
	 * @param path where it is
	 */
	record Tab(String name, String label, String path) {
	}

}
