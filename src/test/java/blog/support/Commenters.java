package blog.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.SocketFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Readers commenting on the essay as fast as they can, each from a loopback address of
 * its own, one comment after another, while a test stops what serves them. Every comment
 * answered 303 goes into the ledger (id and text): those are the ones a reader was told
 * are saved. A send cut off by the stop (the connection dropped, Tomcat refusing a body
 * it can no longer read, or a proxy's 502/503/504 for an instance that died under the
 * request) was never acknowledged; any other answer is unexpected.
 */
public final class Commenters {

	private static final String COMMENTS = TestContent.ESSAY_PATH + "/comments";

	private final AtomicInteger acknowledged = new AtomicInteger();

	private final AtomicInteger cutOff = new AtomicInteger();

	private final List<String> unexpected = new CopyOnWriteArrayList<>();

	private final AtomicBoolean running = new AtomicBoolean(true);

	private final AtomicBoolean stopping = new AtomicBoolean();

	private final List<Thread> threads = new ArrayList<>();

	private final SocketFactory sockets;

	private final int port;

	private final Map<Long, String> ledger;

	private final String label;

	private final boolean throughProxy;

	private int shownBefore;

	private volatile Duration thinking = Duration.ZERO;

	/**
	 * @param sockets plain or TLS
	 * @param port where to send (the blog, or a proxy in front of several)
	 * @param ledger where acknowledged comments go: id to text
	 * @param label begins every comment's text, so that rounds can be told apart
	 * @param throughProxy whether a proxy is in front: then the clients go on after a
	 * send is cut off (another instance will take the next), otherwise they stop
	 */
	public Commenters(SocketFactory sockets, int port, Map<Long, String> ledger, String label, boolean throughProxy) {
		this.sockets = sockets;
		this.port = port;
		this.ledger = ledger;
		this.label = label;
		this.throughProxy = throughProxy;
	}

	/**
	 * Has each client wait this long after each comment, as readers do, rather than send
	 * the next at once. On a machine that also runs the servers, clients at full speed
	 * take every core, and an instance started under that load takes minutes.
	 * @param pause between one client's comments
	 * @return these commenters
	 */
	public Commenters thinking(Duration pause) {
		this.thinking = pause;
		return this;
	}

	/**
	 * Reads the essay's page (its comment count and a form token), then starts the
	 * clients.
	 * @param clients how many
	 */
	public void start(int clients) {
		RawHttp.Answer answer = RawHttp.get(this.sockets, this.port, TestContent.ESSAY_PATH);
		assertThat(answer.status()).as("the essay's page").isEqualTo(200);
		Document page = Jsoup.parse(answer.body());
		String heading = page.selectFirst("#comments-title").text();
		this.shownBefore = heading.matches("[\\d,]+ comments?") ? Integer.parseInt(heading.replaceAll("\\D", "")) : 0;
		String token = page.selectFirst("form#comment-form input[name=token]").val();
		for (int client = 0; client < clients; client++) {
			int number = client;
			Thread thread = new Thread(() -> send(number, token), "commenter-" + client);
			this.threads.add(thread);
			thread.start();
		}
	}

	private void send(int client, String token) {
		InetAddress from;
		try {
			from = InetAddress.getByName("127.0.0." + (client + 2));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		for (int i = 0; this.running.get(); i++) {
			String text = this.label + ", client " + client + ", comment " + i;
			try {
				RawHttp.Answer answer = RawHttp.post(this.sockets, from, this.port, COMMENTS,
						"name=Client+" + client + "&body=" + URLEncoder.encode(text, StandardCharsets.UTF_8) + "&token="
								+ URLEncoder.encode(token, StandardCharsets.UTF_8));
				if (answer.status() == 303) {
					String location = answer.header("Location").orElseThrow();
					// a new comment (?posted=…#comment-ID), or, for a retry of one
					// taken already, #comment-ID
					this.ledger.put(Long.parseLong(location.replaceAll(".*#comment-(\\d+)$", "$1")), text);
					this.acknowledged.incrementAndGet();
					sleep(this.thinking);
					continue;
				}
				if (!this.stopping.get() || !cutOff(answer)) {
					this.unexpected.add(answer.text());
					return;
				}
			}
			catch (IOException ex) {
				// the connection dropped under this request: it was never acknowledged
				if (!this.stopping.get()) {
					this.unexpected.add(ex.toString());
					return;
				}
			}
			this.cutOff.incrementAndGet();
			if (!this.throughProxy) {
				return;
			}
			sleep(Duration.ofMillis(20));
		}
	}

	/**
	 * Tomcat itself (not the blog) refusing a request whose body it could no longer read
	 * while shutting down, or a proxy whose instance died under the request.
	 */
	private boolean cutOff(RawHttp.Answer answer) {
		return (answer.status() == 400 && answer.text().contains("<title>Request not understood</title>"))
				|| (this.throughProxy && answer.status() >= 502 && answer.status() <= 504);
	}

	private static void sleep(Duration pause) {
		if (pause.isZero()) {
			return;
		}
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until at least this many more comments are acknowledged.
	 * @param more how many more than now
	 * @param limit how long to wait at most
	 * @throws InterruptedException when interrupted
	 */
	public void awaitMore(int more, Duration limit) throws InterruptedException {
		int target = this.acknowledged.get() + more;
		long deadline = System.nanoTime() + limit.toNanos();
		while (this.acknowledged.get() < target && System.nanoTime() < deadline && this.unexpected.isEmpty()) {
			Thread.sleep(10);
		}
		assertThat(this.unexpected).as("answers other than 303").isEmpty();
		assertThat(this.acknowledged.get()).as("comments acknowledged").isGreaterThanOrEqualTo(target);
	}

	/**
	 * From now on, sends may be cut off: what serves them is about to stop.
	 */
	public void stopping() {
		this.stopping.set(true);
	}

	/**
	 * Stops the clients and waits for them.
	 * @throws InterruptedException when interrupted
	 */
	public void stop() throws InterruptedException {
		this.running.set(false);
		for (Thread thread : this.threads) {
			thread.join(30_000);
		}
	}

	/**
	 * @return how many comments were answered 303
	 */
	public int acknowledged() {
		return this.acknowledged.get();
	}

	/**
	 * @return how many sends were cut off by a stop
	 */
	public int cutOff() {
		return this.cutOff.get();
	}

	/**
	 * @return the answers that were neither 303 nor a cut-off
	 */
	public List<String> unexpected() {
		return this.unexpected;
	}

	/**
	 * @return the comment count the page showed before the clients began
	 */
	public int shownBefore() {
		return this.shownBefore;
	}

}
