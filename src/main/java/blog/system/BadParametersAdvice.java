package blog.system;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A form Tomcat could not read (too large: 413; too many fields or bytes that are not
 * UTF-8: 400) gets the short error page with Tomcat's status, not a 500 and a logged
 * stack trace.
 */
@ControllerAdvice
class BadParametersAdvice {

	@ExceptionHandler(InvalidParameterException.class)
	void refuseBadParameters(InvalidParameterException ex, HttpServletResponse response) throws IOException {
		int status = ex.getErrorCode();
		response.sendError((status >= 400 && status < 500) ? status : HttpServletResponse.SC_BAD_REQUEST);
	}

}
