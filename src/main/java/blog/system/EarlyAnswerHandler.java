package blog.system;

import java.nio.ByteBuffer;
import java.util.List;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.PreEncodedHttpField;
import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Gives the application's {@link EarlyAnswers} in front of the servlet layer: a GET or
 * HEAD it answers is sent from memory, in one write from a pooled buffer, with headers
 * encoded once; anything else goes on to the application. The pool is its own (Jetty's
 * pools buffers of up to 64 KB, and a page of 50 threads is larger), holding up to 512 KB
 * a buffer and 16 MB in all; a larger answer is copied into a buffer of its own.
 * <p>
 * It declares itself non-blocking, so that Jetty may answer a kept page on the thread
 * that saw the request arrive, with no hand-over to another thread (on two cores that
 * hand-over cost more than the answer itself). Everything it does not answer may block
 * (the servlets read bodies and wait for commits), so it hands that to Jetty's thread
 * pool itself, as Jetty does for a blocking handler.
 */
final class EarlyAnswerHandler extends Handler.Wrapper {

	/** the largest answer sent from a pooled buffer */
	private static final int POOLED = 512 * 1024;

	private final ObjectProvider<EarlyAnswers> provider;

	private final ByteBufferPool pool = new ArrayByteBufferPool(0, 4096, POOLED, 64, 0, 16L * 1024 * 1024);

	/** the application's answers, once it has started; none when it has no such bean */
	private volatile @Nullable List<EarlyAnswers> answers;

	EarlyAnswerHandler(ObjectProvider<EarlyAnswers> provider) {
		this.provider = provider;
	}

	@Override
	public boolean handle(Request request, Response response, Callback callback) throws Exception {
		String method = request.getMethod();
		boolean head = HttpMethod.HEAD.is(method);
		if (head || HttpMethod.GET.is(method)) {
			EarlyAnswers.Asked asked = new JettyAsked(request);
			for (EarlyAnswers each : answers()) {
				EarlyAnswers.Answer answer = each.answer(asked);
				if (answer != null) {
					send(answer, head, response, callback);
					return true;
				}
			}
		}
		Handler next = getHandler();
		if (next == null) {
			return false;
		}
		getServer().getThreadPool().execute(() -> {
			try {
				if (!next.handle(request, response, callback)) {
					Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
				}
			}
			catch (Throwable ex) {
				callback.failed(ex);
			}
		});
		return true;
	}

	@Override
	public InvocationType getInvocationType() {
		return InvocationType.NON_BLOCKING;
	}

	private List<EarlyAnswers> answers() {
		List<EarlyAnswers> answers = this.answers;
		if (answers == null) {
			// the server takes requests only once the application has started, so its
			// beans are all there by the first one
			answers = this.provider.orderedStream().toList();
			this.answers = answers;
		}
		return answers;
	}

	private void send(EarlyAnswers.Answer answer, boolean head, Response response, Callback callback) {
		response.setStatus(answer.status());
		HttpFields.Mutable headers = response.getHeaders();
		for (EarlyAnswers.Header header : SecurityHeadersFilter.HEADERS) {
			headers.add(encoded(header));
		}
		for (EarlyAnswers.Header header : answer.headers()) {
			headers.add(encoded(header));
		}
		if (HttpStatus.hasNoBody(answer.status())) {
			callback.succeeded();
			return;
		}
		int length = answer.length();
		headers.put(HttpHeader.CONTENT_LENGTH, length);
		if (head || length == 0) {
			callback.succeeded();
			return;
		}
		if (length > POOLED) {
			ByteBuffer whole = ByteBuffer.allocate(length);
			answer.body().forEach(whole::put);
			response.write(true, whole.flip(), callback);
			return;
		}
		RetainableByteBuffer.Mutable buffer = this.pool.acquire(length, true);
		for (byte[] part : answer.body()) {
			buffer.put(part);
		}
		response.write(true, buffer.getByteBuffer(), Callback.from(buffer::release, callback));
	}

	private static HttpField encoded(EarlyAnswers.Header header) {
		Object encoded = header.encoded();
		if (encoded instanceof HttpField field) {
			return field;
		}
		HttpHeader known = HttpHeader.CACHE.get(header.name());
		HttpField field = (known != null) ? new PreEncodedHttpField(known, header.name(), header.value())
				: new PreEncodedHttpField(header.name(), header.value());
		header.encoded(field);
		return field;
	}

}
