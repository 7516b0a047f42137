package blog.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.HttpException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form Jetty could not read (too large: 413; too many fields or bytes that are not
 * UTF-8: 400) gets the short error page with that status, not a 500 and a logged stack
 * trace.
 */
@ControllerAdvice
class BadParametersAdvice {

	@ExceptionHandler({ HttpException.RuntimeException.class, HttpException.IllegalArgumentException.class,
			HttpException.IllegalStateException.class })
	void refuseBadParameters(Exception ex, HttpServletResponse response) throws IOException {
		response.sendError(status(ex));
	}

	/**
	 * @return the status the innermost of Jetty's exceptions names (Jetty wraps "413:
	 * form too large" in "400: unable to parse form content"), when it is one for the
	 * client
	 */
	static int status(Throwable ex) {
		int status = HttpServletResponse.SC_BAD_REQUEST;
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof HttpException http && http.getCode() >= 400 && http.getCode() < 500) {
				status = http.getCode();
			}
		}
		return status;
	}

}
