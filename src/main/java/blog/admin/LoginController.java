package blog.admin;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The editor's login page; Spring Security handles the form it sends.
 */
@Controller
class LoginController {

	@GetMapping("/login")
	String login() {
		return "admin/login";
	}

	/**
	 * The page a locked-out login is forwarded to; nothing to see otherwise.
	 */
	@RequestMapping(AdminSecurityConfiguration.LOCKED_PAGE)
	ModelAndView locked(HttpServletRequest request, Model model) {
		Object minutes = request.getAttribute("retryAfterMinutes");
		if (minutes == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		model.addAttribute("minutes", minutes);
		return new ModelAndView("admin/locked", model.asMap(), HttpStatus.TOO_MANY_REQUESTS);
	}

}
