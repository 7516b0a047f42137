package blog.support;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The blog through {@link MockMvcTester}, on the shared application context: every
 * filter, Spring Security and the controllers, without a port. Two things a servlet
 * container does are done here as Tomcat does them, so that tests see what a browser
 * gets: an error (an exception, or {@code sendError}) is answered with the blog's error
 * page, dispatched to {@code /error} with the error's attributes; and a session the blog
 * opens is announced with a {@code Set-Cookie} header, so that a page that must set no
 * cookie is seen to set none. What only Tomcat does (its own refusals, compression of
 * static files, the cookie's attributes) is tested over HTTP, in the {@code *IT} tests.
 */
public final class MockWeb implements Web {

	private static final String BASE = "http://localhost";

	private final MockMvcTester mvc;

	private final String address;

	private final boolean keepSession;

	private @Nullable MockHttpSession session;

	/** the request last sent, as MockMvc made it */
	private MockHttpServletRequest sent = new MockHttpServletRequest();

	public MockWeb(MockMvcTester mvc) {
		this(mvc, "127.0.0.1", false);
	}

	private MockWeb(MockMvcTester mvc, String address, boolean keepSession) {
		this.mvc = mvc;
		this.address = address;
		this.keepSession = keepSession;
	}

	@Override
	public String base() {
		return BASE;
	}

	@Override
	public Reply get(String path, String... headers) {
		return send(request(HttpMethod.GET, path, headers));
	}

	@Override
	public Reply head(String path, String... headers) {
		return send(request(HttpMethod.HEAD, path, headers));
	}

	@Override
	public Reply post(String path, String body, String... headers) {
		return send(request(HttpMethod.POST, path, headers).content(body.getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public Reply upload(String path, Map<String, String> fields, String fileName, byte[] file) {
		var request = MockMvcRequestBuilders.multipart(URI.create(BASE + path))
			.file(new MockMultipartFile("file", fileName, "application/octet-stream", file));
		fields.forEach(request::param);
		return send(common(request));
	}

	@Override
	public Web withSession() {
		return new MockWeb(this.mvc, this.address, true);
	}

	@Override
	public Web from(String address) {
		return new MockWeb(this.mvc, address, this.keepSession);
	}

	private AbstractMockHttpServletRequestBuilder<?> request(HttpMethod method, String path, String... headers) {
		var request = MockMvcRequestBuilders.request(method, URI.create(BASE + path));
		boolean accept = false;
		for (int i = 0; i + 1 < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
			accept |= headers[i].equalsIgnoreCase("Accept");
		}
		if (!accept) {
			request.header("Accept", "text/html");
		}
		return common(request);
	}

	private <B extends AbstractMockHttpServletRequestBuilder<B>> B common(B request) {
		request.with((servletRequest) -> {
			servletRequest.setRemoteAddr(this.address);
			// as Tomcat maps the DispatcherServlet to "/": the whole path is the
			// servlet's
			servletRequest.setServletPath(servletRequest.getRequestURI());
			this.sent = servletRequest;
			return servletRequest;
		});
		if (this.session != null) {
			request.session(this.session);
		}
		return request;
	}

	private Reply send(AbstractMockHttpServletRequestBuilder<?> request) {
		String sessionBefore = (this.session != null) ? this.session.getId() : null;
		MvcTestResult result = this.mvc.perform(request);
		MockHttpServletRequest servletRequest = this.sent;
		if (result.getUnresolvedException() == null && servletRequest.isAsyncStarted()) {
			// a streamed answer (a download): wait for it, then dispatch again, as the
			// container does
			result.getMvcResult().getAsyncResult(TimeUnit.SECONDS.toMillis(20));
			result = this.mvc.perform(MockMvcRequestBuilders.asyncDispatch(result.getMvcResult()));
		}
		if (result.getUnresolvedException() != null) {
			// what Tomcat does with an exception: the answer so far is reset, then the
			// error page
			MockHttpServletResponse error = errorPage(servletRequest, 500, result.getUnresolvedException());
			return new Reply(500, HttpHeaders.of(headers(error), (name, value) -> true), error.getContentAsByteArray());
		}
		MockHttpServletResponse response = result.getMvcResult().getResponse();
		Map<String, List<String>> headers = headers(response);
		if (response.getForwardedUrl() != null) {
			// the same answer goes on at the other path: what was set so far stays
			response = forward(servletRequest, response.getForwardedUrl());
			headers.putAll(headers(response));
		}
		if (servletRequest.getSession(false) instanceof MockHttpSession opened && !opened.isInvalid()) {
			// a new session, or a new id for it at login: Tomcat sends its cookie
			if (!opened.getId().equals(sessionBefore)) {
				headers.computeIfAbsent("Set-Cookie", (name) -> new ArrayList<>())
					.add("JSESSIONID=" + opened.getId() + "; Path=/; HttpOnly");
			}
			this.session = this.keepSession ? opened : null;
		}
		else {
			this.session = null;
		}
		int status = response.getStatus();
		boolean sentError = status >= 400 && response.getContentAsByteArray().length == 0 && response.isCommitted();
		if (!sentError) {
			return new Reply(status, HttpHeaders.of(headers, (name, value) -> true), response.getContentAsByteArray());
		}
		MockHttpServletResponse error = errorPage(servletRequest, status, null);
		headers.putAll(headers(error));
		return new Reply(status, HttpHeaders.of(headers, (name, value) -> true), error.getContentAsByteArray());
	}

	/** what the container does with a forward: the same request, at another path */
	private MockHttpServletResponse forward(MockHttpServletRequest original, String path) {
		var request = MockMvcRequestBuilders.request(HttpMethod.valueOf(original.getMethod()), URI.create(BASE + path))
			.with((servletRequest) -> {
				servletRequest.setDispatcherType(DispatcherType.FORWARD);
				servletRequest.setRemoteAddr(this.address);
				servletRequest.setServletPath(path);
				for (String name : Collections.list(original.getAttributeNames())) {
					servletRequest.setAttribute(name, original.getAttribute(name));
				}
				return servletRequest;
			});
		return this.mvc.perform(request).getMvcResult().getResponse();
	}

	/** what Tomcat does after an error: the error page, with the error's attributes */
	private MockHttpServletResponse errorPage(MockHttpServletRequest original, int status,
			@Nullable Throwable failure) {
		var request = MockMvcRequestBuilders
			.request(HttpMethod.valueOf(original.getMethod()), URI.create(BASE + "/error"))
			.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
			.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, original.getRequestURI())
			.with((servletRequest) -> {
				servletRequest.setDispatcherType(DispatcherType.ERROR);
				servletRequest.setRemoteAddr(this.address);
				return servletRequest;
			});
		// the same request, its headers too (the reader's language)
		for (String name : Collections.list(original.getHeaderNames())) {
			for (String value : Collections.list(original.getHeaders(name))) {
				request.header(name, value);
			}
		}
		if (failure != null) {
			request.requestAttr(RequestDispatcher.ERROR_EXCEPTION, failure);
		}
		return this.mvc.perform(request).getMvcResult().getResponse();
	}

	private static Map<String, List<String>> headers(MockHttpServletResponse response) {
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (String name : response.getHeaderNames()) {
			headers.put(name, new ArrayList<>(response.getHeaders(name)));
		}
		return headers;
	}

}
