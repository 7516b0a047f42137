package blog.system;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer carries. The policy allows nothing from another host and
 * nothing inline: pages load their own stylesheet and images only, and no page may be
 * framed. Answers given before the servlet layer ({@link EarlyAnswers}, the server's own
 * error page) carry the same list.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeadersFilter extends OncePerRequestFilter {

	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
			+ "script-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

	/** every answer's security headers, in the order they are sent */
	static final List<EarlyAnswers.Header> HEADERS = List.of(
			new EarlyAnswers.Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
			new EarlyAnswers.Header("X-Content-Type-Options", "nosniff"),
			new EarlyAnswers.Header("Referrer-Policy", "strict-origin-when-cross-origin"),
			new EarlyAnswers.Header("X-Frame-Options", "DENY"), new EarlyAnswers.Header("Permissions-Policy",
					"camera=(), microphone=(), geolocation=(), interest-cohort=()"));

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (EarlyAnswers.Header header : HEADERS) {
			response.setHeader(header.name(), header.value());
		}
		chain.doFilter(request, response);
	}

}
