package blog.admin;

import java.security.Principal;
import java.time.Clock;
import java.util.Locale;

import blog.mail.MailDesk;
import blog.system.SeeOther;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
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

/**
 * The desk's mail page: how many addresses follow each post and the blog (never who), and
 * the outbox, with a resend for a mail that failed or whose sending is unsure.
 */
@Controller
class MailDeskController {

	private final MailDesk mail;

	private final AuditLog audit;

	private final MessageSource messages;

	private final Clock clock;

	MailDeskController(MailDesk mail, AuditLog audit, MessageSource messages, Clock clock) {
		this.mail = mail;
		this.audit = audit;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/mail")
	String showMail(@RequestParam(required = false) @Nullable String status, Model model) {
		model.addAttribute("mailOn", this.mail.on());
		model.addAttribute("followers", this.mail.followers());
		model.addAttribute("counts", this.mail.counts());
		model.addAttribute("outbox", this.mail.outbox(status));
		model.addAttribute("status", (status != null) ? status : "");
		model.addAttribute("desk", this.mail);
		return "admin/mail";
	}

	@PostMapping("/admin/mail/{id}/resend")
	RedirectView resend(@PathVariable String id, Principal editor, RedirectAttributes redirect, Locale locale) {
		if (!id.matches("\\d{1,18}")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		boolean queued = this.mail.resend(Long.parseLong(id));
		if (queued) {
			this.audit.record(this.clock.instant(), editor.getName(), "mail.resend", null, "mail " + id);
		}
		redirect.addFlashAttribute("done", this.messages
			.getMessage(queued ? "desk.mail.resent" : "desk.mail.not-resent", new Object[] { id }, locale));
		return SeeOther.to("/admin/mail");
	}

}
