package blog.system;

import java.util.List;
import java.util.function.BiConsumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.RequestLog;
import org.eclipse.jetty.server.Response;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Tells the application's {@link Traffic} beans of every answered request: Jetty calls a
 * request log once an answer is complete, with the request as its customizers made it (so
 * the client is the one {@link TrustedProxies} vetted).
 */
final class TrafficLog implements RequestLog {

	private static final Log logger = LogFactory.getLog(TrafficLog.class);

	private final ObjectProvider<Traffic> provider;

	private volatile @Nullable List<Traffic> traffic;

	TrafficLog(ObjectProvider<Traffic> provider) {
		this.provider = provider;
	}

	@Override
	public void log(Request request, Response response) {
		List<Traffic> traffic = this.traffic;
		if (traffic == null) {
			// the server takes requests only once the application has started
			traffic = this.provider.orderedStream().toList();
			this.traffic = traffic;
		}
		if (traffic.isEmpty()) {
			return;
		}
		Seen seen = new Seen(request, response);
		for (Traffic each : traffic) {
			try {
				each.answered(seen);
			}
			catch (RuntimeException ex) {
				// counting never stands in the way of serving
				logger.warn("Traffic not counted: " + ex);
			}
		}
	}

	private static final class Seen extends JettyAsked implements Traffic.Answered {

		private final Response response;

		Seen(Request request, Response response) {
			super(request);
			this.response = response;
		}

		@Override
		public String client() {
			return Request.getRemoteAddr(this.request);
		}

		@Override
		public int status() {
			return this.response.getStatus();
		}

		@Override
		public @Nullable String contentType() {
			return this.response.getHeaders().get(HttpHeader.CONTENT_TYPE);
		}

		@Override
		public void eachHeader(BiConsumer<String, String> header) {
			HttpFields fields = this.request.getHeaders();
			for (int i = 0; i < fields.size(); i++) {
				HttpField field = fields.getField(i);
				header.accept(field.getName(), field.getValue());
			}
		}

	}

}
