package blog.system;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/**
 * The client's address, scheme and port from a reverse proxy's {@code X-Forwarded-For},
 * {@code -Proto} and {@code -Port}, on requests from the proxies named in
 * {@code blog.trusted-proxies} only: from anyone else those headers count for nothing, so
 * that nobody dodges a rate limit by sending them. The client is the right-most address
 * in {@code X-Forwarded-For} that is not one of the proxies (each proxy appends the
 * address it saw; what the client itself put before that is not believed). Jetty's own
 * {@link ForwardedRequestCustomizer} then applies them; it trusts everyone and believes
 * the left-most address, so it never sees a request this has not vetted.
 */
final class TrustedProxies implements HttpConfiguration.Customizer {

	/** every header by which a proxy may say where a request came from */
	private static final Set<String> FORWARDING = Set.of("forwarded", "x-forwarded-for", "x-forwarded-proto",
			"x-forwarded-port", "x-forwarded-host", "x-forwarded-server", "x-proxied-https", "proxy-auth-cert",
			"proxy-ssl-id");

	private final Pattern proxies;

	private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

	/**
	 * @param proxies a regular expression matching the proxies' addresses
	 */
	TrustedProxies(Pattern proxies) {
		this.proxies = proxies;
	}

	@Override
	public Request customize(Request request, HttpFields.Mutable responseHeaders) {
		HttpFields headers = request.getHeaders();
		String peer = address(request.getConnectionMetaData().getRemoteSocketAddress());
		if (peer == null || !this.proxies.matcher(peer).matches()) {
			return request;
		}
		HttpFields.Mutable vetted = HttpFields.build(headers.size());
		for (HttpField field : headers) {
			if (!FORWARDING.contains(field.getLowerCaseName())) {
				vetted.add(field);
			}
		}
		String client = client(headers.getValuesList(HttpHeader.X_FORWARDED_FOR));
		if (!client.isEmpty()) {
			vetted.add(HttpHeader.X_FORWARDED_FOR, client);
		}
		copyFirst(headers, vetted, HttpHeader.X_FORWARDED_PROTO);
		copyFirst(headers, vetted, HttpHeader.X_FORWARDED_PORT);
		HttpFields asProxied = vetted.asImmutable();
		return this.forwarded.customize(new Request.Wrapper(request) {

			@Override
			public HttpFields getHeaders() {
				return asProxied;
			}

		}, responseHeaders);
	}

	/**
	 * @param forwardedFor the {@code X-Forwarded-For} lines, in the order received
	 * @return the right-most address that is not a proxy's; the left-most when all are
	 */
	String client(List<String> forwardedFor) {
		List<String> hops = new ArrayList<>();
		for (String line : forwardedFor) {
			for (String hop : line.split(",")) {
				if (!hop.isBlank()) {
					hops.add(hop.strip());
				}
			}
		}
		for (int i = hops.size() - 1; i > 0; i--) {
			if (!this.proxies.matcher(hops.get(i)).matches()) {
				return hops.get(i);
			}
		}
		return hops.isEmpty() ? "" : hops.get(0);
	}

	private static void copyFirst(HttpFields from, HttpFields.Mutable to, HttpHeader header) {
		String value = from.get(header);
		if (value != null) {
			to.add(header, value);
		}
	}

	private static @Nullable String address(@Nullable SocketAddress socket) {
		if (socket instanceof InetSocketAddress inet && inet.getAddress() != null) {
			return inet.getAddress().getHostAddress();
		}
		return null;
	}

}
