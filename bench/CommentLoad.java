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
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Comment load for bench/run and bench/load: CLIENTS clients, each from its own loopback
 * address (so the blog sees different readers, as it would on the internet), post
 * comments one after another for SECONDS. Counts the comments answered 303, each one
 * committed to disk.
 * <p>
 * With RATE, the clients together post that many comments a second, no more. With
 * {@code visible}, one comment in four of the first client's is then watched by a reader
 * of its own, beside the writer (which goes on at its pace): the reader opens the public
 * page the comment went to (without its private query) every 10 ms until the comment is
 * on it, and the time from the answer to that is reported (median and worst).
 *
 * Usage: java bench/CommentLoad.java PORT PATH SECONDS CLIENTS [RATE [visible]]
 * (bench/lib.sh compiles it once, so that the compiler's time is not spent beside a
 * measurement)
 */
public class CommentLoad {

	public static void main(String[] args) throws Exception {
		int port = Integer.parseInt(args[0]);
		String path = args[1];
		double seconds = Double.parseDouble(args[2]);
		int clients = Integer.parseInt(args[3]);
		double rate = (args.length > 4) ? Double.parseDouble(args[4]) : 0;
		boolean visible = args.length > 5 && args[5].equals("visible");
		List<Long> delays = Collections.synchronizedList(new ArrayList<>());
		AtomicLong unseen = new AtomicLong();
		HttpClient reader = HttpClient.newHttpClient();
		ExecutorService watchers = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "watcher");
			thread.setDaemon(true);
			return thread;
		});
		List<Future<?>> watched = Collections.synchronizedList(new ArrayList<>());
		String page;
		try {
			page = reader
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString())
				.body();
		}
		catch (IOException ex) {
			// the blog does not answer: nothing is posted, and the figures say so
			System.out.printf("acknowledged=0 other=%d seconds=0 rate=0 unanswered=1%n", clients);
			return;
		}
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
					long next = System.nanoTime();
					for (int i = 0; running.get(); i++) {
						if (rate > 0) {
							next += (long) (1e9 * clients / rate);
							long wait = next - System.nanoTime();
							if (wait > 0) {
								Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
							}
						}
						String form = "name=Bench+" + client + "&token=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)
								+ "&body=" + URLEncoder.encode("Benchmark comment " + run + "/" + client + "/" + i
										+ ": diplomacy needs both sides at the table.", StandardCharsets.UTF_8);
						String location = post(from, port, path + "/comments", form);
						if (location != null) {
							acknowledged.incrementAndGet();
							if (visible && client == 0 && i % 4 == 0) {
								watched.add(watchers.submit(() -> {
									long delay = untilShown(reader, port, location);
									if (delay < 0) {
										unseen.incrementAndGet();
									}
									else {
										delays.add(delay);
									}
									return null;
								}));
							}
						}
						else {
							other.incrementAndGet();
						}
					}
				}
				catch (IOException ex) {
					// this client stops: the blog did not answer
					other.incrementAndGet();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
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
		for (Future<?> watch : new ArrayList<>(watched)) {
			try {
				watch.get();
			}
			catch (ExecutionException ex) {
				unseen.incrementAndGet();
			}
		}
		String shown = "";
		if (visible) {
			List<Long> sorted = new ArrayList<>(delays);
			Collections.sort(sorted);
			shown = sorted.isEmpty() ? " visible_median_ms=- visible_max_ms=- unseen=" + unseen.get()
					: String.format(" visible_median_ms=%d visible_max_ms=%d visible_checked=%d unseen=%d",
							sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1), sorted.size(), unseen.get());
		}
		System.out.printf("acknowledged=%d other=%d seconds=%.2f rate=%.0f%s%n", acknowledged.get(), other.get(),
				elapsed, acknowledged.get() / elapsed, shown);
	}

	/**
	 * @param location where the blog sent the comment's writer: its page, with the
	 * writer's private query
	 * @return milliseconds until the public page shows the comment, -1 if not within 5 s
	 */
	static long untilShown(HttpClient reader, int port, String location) throws IOException, InterruptedException {
		Matcher posted = Pattern.compile("[?&]posted=(\\d+)").matcher(location);
		if (!posted.find()) {
			return -1;
		}
		String anchor = "id=\"comment-" + posted.group(1) + "\"";
		String page = location.replaceAll("[?&]posted=.*", "");
		long start = System.nanoTime();
		while (System.nanoTime() - start < 5_000_000_000L) {
			String body = reader
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + page))
					.timeout(Duration.ofSeconds(10))
					.build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			if (body.contains(anchor)) {
				return (System.nanoTime() - start) / 1_000_000;
			}
			Thread.sleep(10);
		}
		return -1;
	}

	/**
	 * @return where a 303 sent the writer, {@code null} for any other answer
	 */
	static String post(InetAddress from, int port, String target, String form) throws IOException {
		byte[] body = form.getBytes(StandardCharsets.UTF_8);
		String head = "POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/html\r\n"
				+ "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length
				+ "\r\nConnection: close\r\n\r\n";
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, from, 0)) {
			// a blog that stopped answering is counted, not waited for
			socket.setSoTimeout(10_000);
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			String answer = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
			if (!answer.startsWith("HTTP/1.1 303")) {
				return null;
			}
			Matcher location = Pattern.compile("(?im)^Location: *(\\S+)").matcher(answer);
			return location.find() ? location.group(1).replaceFirst("^https?://[^/]+", "") : "";
		}
	}

}
