package blog.admin;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import blog.system.BlogProperties;
import blog.system.Keys;
import blog.system.RateBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security for the editor's desk alone: {@code /admin/**}, {@code /login} and
 * {@code /logout}. Readers' pages are outside it: no session, no cookie, no CSRF token
 * (their comment form has its own signed token).
 */
@Configuration(proxyBeanMethods = false)
class AdminSecurityConfiguration {

	/** where a locked-out login is shown its page (forwarded to, with status 429) */
	static final String LOCKED_PAGE = "/login/locked";

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	EditorAccount editorAccount(AdminProperties admin, BlogProperties properties, PasswordEncoder encoder) {
		return new EditorAccount(admin, properties.dataDir(), encoder);
	}

	@Bean
	LoginThrottle loginThrottle(Clock clock, RateBuckets buckets, JdbcClient jdbc) {
		return new LoginThrottle(clock, buckets, jdbc);
	}

	@Bean
	SecurityFilterChain editorDesk(HttpSecurity http, LoginThrottle throttle, Keys keys, Desk desk) {
		// after the login, back to the desk page asked for, at its own address (no
		// "?continue")
		HttpSessionRequestCache asked = new HttpSessionRequestCache();
		asked.setMatchingRequestParameterName(null);
		SavedRequestAwareAuthenticationSuccessHandler toDesk = new SavedRequestAwareAuthenticationSuccessHandler();
		toDesk.setDefaultTargetUrl("/admin");
		toDesk.setRequestCache(asked);
		http.securityMatcher("/admin", "/admin/**", "/login", "/logout")
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/login")
				.permitAll()
				.anyRequest()
				.hasRole(EditorAccount.ROLE))
			.formLogin((login) -> login.loginPage("/login").successHandler((request, response, authentication) -> {
				throttle.succeeded(authentication.getName(), keys.client(request.getRemoteAddr()));
				desk.loggedIn(authentication.getName());
				toDesk.onAuthenticationSuccess(request, response, authentication);
			}).failureHandler((request, response, exception) -> {
				String username = Objects.toString(request.getParameter("username"), "");
				Optional<Duration> lock = throttle.failed(username, keys.client(request.getRemoteAddr()));
				if (lock.isPresent()) {
					desk.lockedOut(username, LoginThrottle.TRIES + " failed logins");
					locked(request, response, lock.get());
				}
				else {
					response.sendRedirect(request.getContextPath() + "/login?error");
				}
			}))
			.requestCache((cache) -> cache.requestCache(asked))
			.logout((logout) -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
			// the blog's own filter sets the security headers on every answer; Spring
			// Security's own would repeat them
			.headers((headers) -> headers.defaultsDisabled().cacheControl(Customizer.withDefaults()))
			.addFilterBefore(new LockedOutFilter(throttle, keys), UsernamePasswordAuthenticationFilter.class);
		return http.build();
	}

	private static void locked(HttpServletRequest request, HttpServletResponse response, Duration wait)
			throws IOException, ServletException {
		response.setStatus(429);
		response.setHeader("Retry-After", Long.toString(wait.toSeconds()));
		request.setAttribute("retryAfterMinutes", Math.max(1, (wait.toSeconds() + 59) / 60));
		request.getRequestDispatcher(LOCKED_PAGE).forward(request, response);
	}

	/**
	 * Answers a login from a locked-out username or client with 429 before its password
	 * is even checked.
	 */
	private static final class LockedOutFilter extends OncePerRequestFilter {

		private final LoginThrottle throttle;

		private final Keys keys;

		LockedOutFilter(LoginThrottle throttle, Keys keys) {
			this.throttle = throttle;
			this.keys = keys;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
				Optional<Duration> lock = this.throttle.locked(Objects.toString(request.getParameter("username"), ""),
						this.keys.client(request.getRemoteAddr()));
				if (lock.isPresent()) {
					locked(request, response, lock.get());
					return;
				}
			}
			chain.doFilter(request, response);
		}

	}

}
