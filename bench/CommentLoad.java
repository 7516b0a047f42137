import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment load for bench/run: CLIENTS clients, each from its own loopback address (so the
 * blog sees different readers, as it would on the internet), post comments one after
 * another for SECONDS. Counts the comments answered 303, each one committed to disk.
 *
 * Usage: java bench/CommentLoad.java PORT PATH SECONDS CLIENTS
 */
public class CommentLoad {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		String path = args[1];
		double seconds = Double.parseDouble(args[2]);
		int clients = Integer.parseInt(args[3]);
		String page = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = Pattern.compile("name=\"token\" value=\"([^\"]+)\"").matcher(page);
		if (!token.find()) {
			throw new IllegalStateException("no comment form on " + path);
		}
		AtomicLong acknowledged = new AtomicLong();
		AtomicLong other = new AtomicLong();
		AtomicBoolean running = new AtomicBoolean(true);
		String run = Long.toString(System.nanoTime(), 36);
		Thread[] threads = new Thread[clients];
		for (int c = 0; c < clients; c++) {
			int client = c;
			threads[c] = new Thread(() -> {
				try {
					InetAddress from = InetAddress.getByName("127.0.0." + (client + 2));
					for (int i = 0; running.get(); i++) {
						String form = "name=Bench+" + client + "&token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
								+ "&body=" + URLEncoder.encode("Benchmark comment " + run + "/" + client + "/" + i
										+ ": diplomacy needs both sides at the table.", StandardCharsets.UTF_8);
						if (post(from, port, path + "/comments", form) == 303) {
							acknowledged.incrementAndGet();
						}
						else {
							other.incrementAndGet();
						}
					}
				}
				catch (IOException ex) {
					other.incrementAndGet();
				}
			});
		}
		long start = System.nanoTime();
		for (Thread thread : threads) {
			thread.start();
		}
		Thread.sleep((long) (seconds * 1000));
		running.set(false);
		for (Thread thread : threads) {
			thread.join();
		}
		double elapsed = (System.nanoTime() - start) / 1e9;
		System.out.printf("acknowledged=%d other=%d seconds=%.2f rate=%.0f%n", acknowledged.get(), other.get(),
				elapsed, acknowledged.get() / elapsed);
	}

	static int post(InetAddress from, int port, String target, String form) throws IOException {
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] status = in.readNBytes(12);
			in.readAllBytes();
			return Integer.parseInt(new String(status, 9, 3, StandardCharsets.ISO_8859_1));
		}
	}

}
