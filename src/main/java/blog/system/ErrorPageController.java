package blog.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Every error, whatever the client asked for, is one of three short HTML pages: not
 * found, a bad request, or our failure. None shows a stack trace, an exception or a
 * server version. (Boot's own error controller answers JSON to some clients, and cannot
 * when a failed page had already chosen HTML: it then sends an empty 500.)
 */
@Controller
class ErrorPageController implements ErrorController {

	private static final Log logger = LogFactory.getLog(ErrorPageController.class);

	@RequestMapping("${spring.web.error.path:/error}")
	String showError(HttpServletRequest request, HttpServletResponse response) {
		// asked for directly, /error is just an address with nothing at it
		int status = (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) ? code : 404;
		response.setStatus(status);
		if (status == 404) {
			return "error/404";
		}
		if (status >= 400 && status < 500) {
			return "error/4xx";
		}
		logger.error(
				"Answered " + status + " to " + request.getMethod() + " "
						+ request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
				(Throwable) request.getAttribute(RequestDispatcher.ERROR_EXCEPTION));
		return "error/5xx";
	}

}
