package blog.system;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The page for requests Jetty refuses before they reach the application (a request line
 * or header it cannot parse, an ambiguous path, a bad character): a short page of our own
 * in place of Jetty's, which names the server and echoes the address.
 */
final class ShortErrorPage extends ErrorHandler {

	private static final ByteBuffer PAGE = ByteBuffer.wrap("""
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
			<title>Request not understood</title><link rel="stylesheet" href="/assets/css/blog.css"></head>
			<body><main id="main" class="content page"><h1>This request could not be answered</h1>
			<p>The address or what was sent with it is not something this blog understands.</p>
			<p><a href="/">Go to the home page</a> to read the latest post.</p></main></body>
			</html>
			""".getBytes(StandardCharsets.UTF_8)).asReadOnlyBuffer();

	@Override
	protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
			Callback callback) {
		for (EarlyAnswers.Header header : SecurityHeadersFilter.HEADERS) {
			response.getHeaders().put(header.name(), header.value());
		}
		response.getHeaders().put(HttpHeader.CONTENT_TYPE, MimeTypes.Type.TEXT_HTML_UTF_8.asString());
		response.getHeaders().put(HttpHeader.CONTENT_LENGTH, PAGE.remaining());
		response.write(true, PAGE.slice(), callback);
	}

}
