package blog.system;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * A Jetty request as the application sees it ({@link EarlyAnswers.Asked}), before its
 * answer and, with the answer's status, after it ({@link TrafficLog}).
 */
class JettyAsked implements EarlyAnswers.Asked {

	final Request request;

	JettyAsked(Request request) {
		this.request = request;
	}

	@Override
	public String method() {
		return this.request.getMethod();
	}

	@Override
	public String path() {
		return this.request.getHttpURI().getPath();
	}

	@Override
	public @Nullable String query() {
		return this.request.getHttpURI().getQuery();
	}

	@Override
	public @Nullable String header(String name) {
		return this.request.getHeaders().get(name);
	}

	@Override
	public boolean repeated(String name) {
		int seen = 0;
		for (HttpField field : this.request.getHeaders()) {
			if (field.is(name) && ++seen > 1) {
				return true;
			}
		}
		return false;
	}

}
