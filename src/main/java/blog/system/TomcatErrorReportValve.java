package blog.system;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * The page for requests Tomcat refuses before they reach the application (an encoded
 * slash or {@code ..} in the path, a bad character): a short page of our own in place of
 * Tomcat's, which names the server and carries inline styles.
 */
public class TomcatErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("text/html");
			response.setCharacterEncoding("UTF-8");
			response.setHeader("Content-Security-Policy", SecurityHeadersFilter.CONTENT_SECURITY_POLICY);
			response.setHeader("X-Content-Type-Options", "nosniff");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write("""
						<!DOCTYPE html>
						<html lang="en">
						<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
						<title>Request not understood</title><link rel="stylesheet" href="/assets/css/blog.css"></head>
						<body><main id="main" class="content page"><h1>This request could not be answered</h1>
						<p>The address or what was sent with it is not something this blog understands.</p>
						<p><a href="/">Go to the home page</a> to read the latest post.</p></main></body>
						</html>
						""");
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the client is gone or the answer already started: there is no one left to
			// tell
		}
	}

}
