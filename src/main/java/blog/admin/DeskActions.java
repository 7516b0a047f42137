package blog.admin;

import java.security.Principal;
import java.util.List;
import java.util.Locale;

import blog.comment.CommentProperties;
import blog.comment.moderation.Moderation;
import blog.system.SeeOther;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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
 * message saying what was done, in the words of {@code desk.properties} and the request's
 * language.
 */
@Controller
class DeskActions {

	private final Desk desk;

	private final MessageSource messages;

	DeskActions(Desk desk, MessageSource messages) {
		this.desk = desk;
		this.messages = messages;
	}

	@PostMapping("/admin/comments/{id}/{action}")
	RedirectView act(@PathVariable String id, @PathVariable String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect, Locale locale) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String to = safeBack(back);
		Moderation.Action chosen = action(action);
		List<Moderation.Change> changed = this.desk.apply(editor.getName(), chosen, List.of(Long.parseLong(id)));
		redirect.addFlashAttribute("done",
				!changed.isEmpty() ? done(chosen, changed, locale) : unchanged(chosen, id, locale));
		return SeeOther.to(to);
	}

	@PostMapping("/admin/comments")
	RedirectView actOnSelected(@RequestParam(name = "ids", required = false) @Nullable List<String> ids,
			@RequestParam(name = "bulk", defaultValue = "") String action, @RequestParam(defaultValue = "") String back,
			Principal editor, RedirectAttributes redirect, Locale locale) {
		String to = safeBack(back);
		Moderation.Action chosen = action(action);
		List<Long> chosenIds = (ids != null)
				? ids.stream().filter((id) -> id.matches("\\d{1,18}")).map(Long::valueOf).toList() : List.of();
		if (chosenIds.isEmpty()) {
			redirect.addFlashAttribute("done", noneSelected(chosen, locale));
		}
		else {
			List<Moderation.Change> changed = this.desk.apply(editor.getName(), chosen, chosenIds);
			String done = done(chosen, changed, locale);
			int gone = chosenIds.size() - changed.size();
			redirect.addFlashAttribute("done",
					(gone > 0) ? sentences(done, message("desk.done.gone", locale, gone), locale) : done);
		}
		return SeeOther.to(to);
	}

	@PostMapping("/admin/mode")
	RedirectView chooseMode(@RequestParam(name = "mode", defaultValue = "") String chosen, Principal editor,
			RedirectAttributes redirect, Locale locale) {
		CommentProperties.Moderation mode;
		try {
			mode = CommentProperties.Moderation.valueOf(chosen.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Unknown moderation mode");
		}
		this.desk.chooseMode(editor.getName(), mode);
		redirect.addFlashAttribute("done",
				message("desk.moderation.now", locale, mode.name().toLowerCase(Locale.ROOT)));
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

	private String done(Moderation.Action action, List<Moderation.Change> changes, Locale locale) {
		long kept = changes.stream().filter((change) -> change.before().status() == change.to()).count();
		long changed = changes.size() - kept;
		String done = switch (action) {
			case APPROVE -> (changed > 0) ? message("desk.done.approve", locale, changed) : "";
			case SPAM -> message("desk.done.spam", locale, changed);
			case DELETE -> message("desk.done.delete", locale, changed);
			case RESTORE -> message("desk.done.restore", locale, changed);
		};
		return (kept == 0) ? done : sentences(done, message("desk.done.kept", locale, kept), locale);
	}

	/**
	 * A message of its own for each action, rather than a word put into one sentence: in
	 * other languages the rest of the sentence may have to agree with it.
	 */
	private String unchanged(Moderation.Action action, String id, Locale locale) {
		return switch (action) {
			case APPROVE -> message("desk.unchanged.approve", locale, id);
			case SPAM -> message("desk.unchanged.spam", locale, id);
			case DELETE -> message("desk.unchanged.delete", locale, id);
			case RESTORE -> message("desk.unchanged.restore", locale, id);
		};
	}

	private String noneSelected(Moderation.Action action, Locale locale) {
		return switch (action) {
			case APPROVE -> message("desk.none.approve", locale);
			case SPAM -> message("desk.none.spam", locale);
			case DELETE -> message("desk.none.delete", locale);
			case RESTORE -> message("desk.none.restore", locale);
		};
	}

	/**
	 * @return the two in a row, as the language puts sentences; either alone when the
	 * other is empty
	 */
	private String sentences(String first, String then, Locale locale) {
		return first.isEmpty() ? then : then.isEmpty() ? first : message("desk.sentences", locale, first, then);
	}

	private String message(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
