package blog.admin;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import blog.comment.CommentProperties;
import blog.comment.moderation.Moderation;
import blog.system.SeeOther;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * What the editor does on the desk: act on one comment or on those ticked, and choose the
 * moderation mode. Each is a POST answered with 303 back to the page it came from and a
 * message saying what was done.
 */
@Controller
class DeskActions {

	private final Desk desk;

	DeskActions(Desk desk) {
		this.desk = desk;
	}

	@PostMapping("/admin/comments/{id}/{action}")
	RedirectView act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String to = safeBack(back);
		Moderation.Action chosen = action(action);
		List<Moderation.Change> changed = this.desk.apply(editor.getName(), chosen, List.of(Long.parseLong(id)));
		redirect.addFlashAttribute("done", !changed.isEmpty() ? done(chosen, changed)
				: "Comment " + id + " was not changed: it is gone, or already " + past(chosen) + ".");
		return SeeOther.to(to);
	}

	@PostMapping("/admin/comments")
	RedirectView actOnSelected(@RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(name = "bulk", defaultValue = "") String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect) {
		String to = safeBack(back);
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
		return SeeOther.to(to);
	}

	@PostMapping("/admin/mode")
	RedirectView chooseMode(@RequestParam(name = "mode", defaultValue = "") String chosen, Principal editor,
			RedirectAttributes redirect) {
		CommentProperties.Moderation mode;
		try {
			mode = CommentProperties.Moderation.valueOf(chosen.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown moderation mode");
		}
		this.desk.chooseMode(editor.getName(), mode);
		redirect.addFlashAttribute("done", "Moderation is now '" + mode.name().toLowerCase(Locale.ROOT) + "'.");
		return SeeOther.to("/admin");
	}

	/**
	 * Only back to the desk: never a redirect elsewhere. Checked before anything is done,
	 * so that a {@code back} no form of the desk sends (a control character, which no
	 * {@code Location} header may hold) is refused with nothing changed.
	 * @throws ResponseStatusException 400 when it holds a control character
	 */
	static String safeBack(String back) {
		if (back.chars().anyMatch(Character::isISOControl)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unusable address to go back to");
		}
		return (back.equals("/admin") || back.startsWith("/admin?") || back.matches("/admin/comments/\\d{1,18}"))
				&& !back.contains("\\") && !back.contains("//") ? back : "/admin";
	}

	private static Moderation.Action action(String action) {
		try {
			return Moderation.Action.valueOf(action.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown action");
		}
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
