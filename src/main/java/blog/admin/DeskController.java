package blog.admin;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.Moderation;
import blog.comment.ModerationMode;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.BlogProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The editor's desk: the queue of comments, the actions on them (each a POST answered
 * with a redirect back and a message), the moderation mode, and the audit trail.
 */
@Controller
class DeskController {

	private static final int SEARCH_MAX = 200;

	private final Moderation moderation;

	private final ModerationMode mode;

	private final Desk desk;

	private final PostCatalog catalog;

	DeskController(Moderation moderation, ModerationMode mode, Desk desk, PostCatalog catalog) {
		this.moderation = moderation;
		this.mode = mode;
		this.desk = desk;
		this.catalog = catalog;
	}

	@GetMapping("/admin")
	String showDesk(@RequestParam(name = "show", defaultValue = "queue") String show,
			@RequestParam(name = "q", required = false) @Nullable String search,
			@RequestParam(name = "page", defaultValue = "1") String pageParameter, Model model) {
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
				back(filter, query, page));
	}

	/**
	 * One comment on the desk: where a mail about a held comment links to.
	 */
	@GetMapping("/admin/comments/{id}")
	String showComment(@PathVariable String id, Model model) {
		Moderation.Item item = (id.matches("\\d{1,18}") ? this.moderation.find(Long.parseLong(id))
				: Optional.<Moderation.Item>empty())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return desk(model, "one", "", List.of(item), 1, 1, 1, "/admin/comments/" + id);
	}

	private String desk(Model model, String show, String query, List<Moderation.Item> items, long total, int page,
			int pages, String back) {
		Map<String, String> titles = new HashMap<>();
		for (Post post : this.catalog.posts()) {
			titles.put(post.slug(), post.title());
		}
		model.addAttribute("show", show);
		model.addAttribute("tabs", tabs());
		model.addAttribute("q", query);
		model.addAttribute("items", items);
		model.addAttribute("total", total);
		model.addAttribute("page", page);
		model.addAttribute("pages", pages);
		model.addAttribute("titles", titles);
		model.addAttribute("permalinks", permalinks());
		model.addAttribute("modes", BlogProperties.Moderation.values());
		model.addAttribute("mode", this.mode.current());
		model.addAttribute("configuredMode", this.mode.configured());
		model.addAttribute("back", back);
		return "admin/desk";
	}

	@PostMapping("/admin/comments/{id}/{action}")
	RedirectView act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Moderation.Action chosen = action(action);
		List<Moderation.Change> changed = this.desk.apply(editor.getName(), chosen, List.of(Long.parseLong(id)));
		redirect.addFlashAttribute("done", !changed.isEmpty() ? done(chosen, changed)
				: "Comment " + id + " was not changed: it is gone, or already " + past(chosen) + ".");
		return seeOther(safeBack(back));
	}

	@PostMapping("/admin/comments")
	RedirectView actOnSelected(@RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(name = "bulk", defaultValue = "") String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect) {
		Moderation.Action chosen = action(action);
		List<Long> chosenIds = (ids != null)
				? ids.stream().filter((id) -> id.matches("\\d{1,18}")).map(Long::valueOf).toList() : List.of();
		if (chosenIds.isEmpty()) {
			redirect.addFlashAttribute("done",
					"No comments were selected: tick the ones to " + chosen.label().toLowerCase(Locale.ROOT) + ".");
		}
		else {
			List<Moderation.Change> changed = this.desk.apply(editor.getName(), chosen, chosenIds);
			redirect.addFlashAttribute("done", done(chosen, changed) + ((changed.size() < chosenIds.size())
					? " " + (chosenIds.size() - changed.size()) + " already were, or are gone." : ""));
		}
		return seeOther(safeBack(back));
	}

	@PostMapping("/admin/mode")
	RedirectView chooseMode(@RequestParam(name = "mode", defaultValue = "") String chosen, Principal editor,
			RedirectAttributes redirect) {
		BlogProperties.Moderation mode;
		try {
			mode = BlogProperties.Moderation.valueOf(chosen.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown moderation mode");
		}
		this.desk.chooseMode(editor.getName(), mode);
		redirect.addFlashAttribute("done", "Moderation is now '" + mode.name().toLowerCase(Locale.ROOT) + "'.");
		return seeOther("/admin");
	}

	@GetMapping("/admin/audit")
	String showAudit(Model model) {
		model.addAttribute("events", this.desk.auditTrail(200));
		return "admin/audit";
	}

	/**
	 * @return the desk's lists, each with its count
	 */
	private List<Tab> tabs() {
		Map<Comment.Status, Long> counts = this.moderation.counts();
		List<Tab> tabs = new ArrayList<>();
		for (Moderation.Filter filter : Moderation.Filter.values()) {
			String name = filter.name().toLowerCase(Locale.ROOT);
			String label = switch (filter) {
				case QUEUE -> "Queue";
				case REPORTED -> "Reported (" + this.moderation.reported() + ")";
				case HELD -> "Held (" + counts.get(Comment.Status.PENDING) + ")";
				case PUBLISHED -> "Published (" + counts.get(Comment.Status.PUBLISHED) + ")";
				case SPAM -> "Spam (" + counts.get(Comment.Status.SPAM) + ")";
				case DELETED -> "Deleted (" + counts.get(Comment.Status.DELETED) + ")";
			};
			tabs.add(new Tab(name, label, (filter == Moderation.Filter.QUEUE) ? "/admin" : "/admin?show=" + name));
		}
		return tabs;
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

	private static Moderation.Action action(String action) {
		try {
			return Moderation.Action.valueOf(action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown action");
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

	private static RedirectView seeOther(String path) {
		RedirectView redirect = new RedirectView(path, true);
		redirect.setStatusCode(HttpStatus.SEE_OTHER);
		redirect.setExposeModelAttributes(false);
		return redirect;
	}

	/** only back to the desk: never a redirect elsewhere */
	private static String safeBack(String back) {
		return (back.equals("/admin") || back.startsWith("/admin?") || back.matches("/admin/comments/\\d{1,18}"))
				&& !back.contains("\\") && !back.contains("//") ? back : "/admin";
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

	private static String done(Moderation.Action action, List<Moderation.Change> changes) {
		long kept = changes.stream().filter((change) -> change.before().status() == change.to()).count();
		String comments = comments(changes.size() - kept);
		String done = switch (action) {
			case APPROVE -> (kept < changes.size()) ? "Published " + comments + "." : "";
			case SPAM -> "Marked " + comments + " as spam.";
			case DELETE -> "Deleted " + comments + " (restorable for 30 days).";
			case RESTORE -> "Restored " + comments + ".";
		};
		return (kept == 0) ? done : (done + " Kept " + comments(kept) + " as published; "
				+ ((kept == 1) ? "its" : "their") + " reports are answered.")
			.strip();
	}

	private static String comments(long count) {
		return (count == 1) ? "1 comment" : count + " comments";
	}

	private static String past(Moderation.Action action) {
		return switch (action) {
			case APPROVE -> "published";
			case SPAM -> "spam";
			case DELETE -> "deleted";
			case RESTORE -> "restored";
		};
	}

}
