package blog.admin;

import java.net.InetAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

import javax.net.SocketFactory;

import blog.support.BlogProcess;
import blog.support.Commenters;
import blog.support.Http;
import blog.support.Loopback;
import blog.support.Nginx;
import blog.support.Postgres;
import blog.support.RawHttp;
import blog.support.Reply;
import blog.support.Scratch;
import blog.support.SelfSigned;
import blog.support.TestContent;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way beyond one machine, run for real: two instances of the packaged jar on one
 * PostgreSQL (Debian's, started by the tests), behind Debian's nginx running the site
 * file shipped in {@code deploy/nginx/blog.conf} (TLS with a self-signed certificate;
 * only the ports, names and paths swapped). Readers and the editor go through nginx; the
 * test also looks at each instance directly. The last test kills one instance with
 * SIGKILL under a comment load, brings it back, and stops the other with SIGTERM: every
 * comment a reader was answered 303 for is in the database, none twice, and no reader saw
 * an error (nginx sends a request whose instance failed to the other).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

	private static final Path LOGS = Path.of("target", "cluster-it");

	private static final String ESSAY = TestContent.ESSAY_PATH;

	/** the log line of a comment written */
	private static final Pattern WRITTEN = Pattern.compile("Comment \\d+ on ");

	/** the same on both instances, as deploy/systemd/blog.env asks */
	private static final String SECRET = "the form secret both instances share, 48 chars..";

	private String database;

	private SelfSigned tls;

	private SocketFactory https;

	private int httpsPort;

	private int httpPort;

	private final int[] ports = new int[2];

	private final BlogProcess[] instances = new BlogProcess[2];

	private Nginx nginx;

	@BeforeAll
	void start() throws Exception {
		Nginx.require();
		this.database = Postgres.newDatabase();
		this.tls = SelfSigned.make(Scratch.folder("blog-tls-"));
		this.https = this.tls.context().getSocketFactory();
		this.ports[0] = Loopback.freePort();
		this.ports[1] = Loopback.freePort();
		this.httpPort = Loopback.freePort();
		this.httpsPort = Loopback.freePort();
		// the first creates the tables; the second starts beside it, as systemd would
		this.instances[0] = launch(0).started();
		this.instances[1] = launch(1).started();
		Map<String, String> swaps = new LinkedHashMap<>();
		swaps.put("server 127.0.0.1:8080", "server 127.0.0.1:" + this.ports[0]);
		swaps.put("server 127.0.0.1:8081", "server 127.0.0.1:" + this.ports[1]);
		// loopback IPv4 only: a CI machine may have no IPv6
		swaps.put("    listen [::]:80;\n", "");
		swaps.put("    listen [::]:443 ssl http2;\n", "");
		swaps.put("listen 80;", "listen 127.0.0.1:" + this.httpPort + ";");
		swaps.put("listen 443 ssl http2;", "listen 127.0.0.1:" + this.httpsPort + " ssl http2;");
		swaps.put("server_name blog.example.org;", "server_name localhost;");
		swaps.put("/etc/letsencrypt/live/blog.example.org/fullchain.pem", this.tls.certificate().toString());
		swaps.put("/etc/letsencrypt/live/blog.example.org/privkey.pem", this.tls.key().toString());
		this.nginx = Nginx.start(Path.of("deploy", "nginx", "blog.conf"), swaps, LOGS, this.httpPort, this.httpsPort);
	}

	private BlogProcess.Starting launch(int instance) throws Exception {
		return BlogProcess.launch(LOGS.resolve("instance-" + instance + ".log"),
				"--server.port=" + this.ports[instance], "--server.address=127.0.0.1",
				"--spring.profiles.active=postgres", "--spring.datasource.url=" + this.database,
				"--spring.datasource.username=" + Postgres.user(), "--spring.datasource.password=",
				"--blog.data-dir=" + Scratch.folder("blog-instance-" + instance),
				"--blog.content-dir=" + TestContent.REAL.toAbsolutePath(), "--blog.form-secret=" + SECRET,
				"--blog.admin.password-hash=" + Editor.PASSWORD_HASH, "--blog.trusted-proxies=127\\.0\\.0\\.1",
				"--blog.comments.moderation=off", "--blog.comments.min-fill-time=0s",
				"--blog.comments.rate-limit.per-minute=1000000", "--blog.comments.rate-limit.per-day=1000000");
	}

	@AfterAll
	void stop() throws Exception {
		if (this.nginx != null) {
			this.nginx.close();
		}
		for (BlogProcess instance : this.instances) {
			if (instance != null) {
				instance.close();
			}
		}
	}

	@Test
	@Order(1)
	void pagesShouldComeOverTlsWithTheBlogsOwnCachingHeaders() throws Exception {
		RawHttp.Answer plain = RawHttp.get(this.httpPort, ESSAY);
		assertThat(plain.status()).isEqualTo(301);
		assertThat(plain.header("Location")).hasValue("https://localhost" + ESSAY);

		RawHttp.Answer page = RawHttp.get(this.https, this.httpsPort, ESSAY, "Accept-Encoding: gzip");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.header("Content-Encoding")).as("compressed by the blog, passed through").hasValue("gzip");
		assertThat(page.header("Cache-Control")).hasValue("no-cache");
		assertThat(page.header("Strict-Transport-Security")).hasValue("max-age=31536000");
		String etag = page.header("ETag").orElseThrow();
		RawHttp.Answer again = RawHttp.get(this.https, this.httpsPort, ESSAY, "Accept-Encoding: gzip",
				"If-None-Match: " + etag);
		assertThat(again.status()).as("the blog's 304, through nginx").isEqualTo(304);

		String styles = Jsoup.parse(RawHttp.get(this.https, this.httpsPort, ESSAY).body())
			.selectFirst("link[rel=stylesheet]")
			.attr("href");
		assertThat(RawHttp.get(this.https, this.httpsPort, styles).header("Cache-Control"))
			.hasValueSatisfying((value) -> assertThat(value).contains("max-age=31536000"));

		assertThat(RawHttp.get(this.https, this.httpsPort, "/actuator/health").status())
			.as("health is for the machines watching the instances, not the web")
			.isEqualTo(404);
		for (int port : this.ports) {
			assertThat(RawHttp.get(port, "/actuator/health/readiness", "Accept: application/json").body())
				.isEqualTo("{\"status\":\"UP\"}");
		}
	}

	@Test
	@Order(2)
	void aCommentThroughNginxShouldBeOnBothInstancesWithinASecond() throws Exception {
		String words = "Through nginx " + UUID.randomUUID();
		RawHttp.Answer posted = comment(InetAddress.getByName("127.0.6.1"), words);
		assertThat(posted.status()).as(posted.text()).isEqualTo(303);
		assertThat(posted.header("Location")).as("relative: the reader's browser stays on https")
			.hasValueSatisfying((location) -> assertThat(location).startsWith(ESSAY + "?posted="));
		long start = System.nanoTime();
		long[] shown = new long[2];
		for (int i = 0; i < 2; i++) {
			int port = this.ports[i];
			shown[i] = millisUntil(start, () -> RawHttp.get(port, ESSAY).body().contains(words));
		}
		assertThat(Math.max(shown[0], shown[1])).as("ms until both instances show it").isLessThan(1_000);
		assertThat(RawHttp.get(this.https, this.httpsPort, ESSAY).body()).contains(words);
		System.out.printf("Behind nginx: a comment showed on the instances after %d and %d ms%n", shown[0], shown[1]);
	}

	@Test
	@Order(3)
	void theClientsAddressShouldComeFromNginxAndFromNoOneElse() throws Exception {
		InetAddress reader = InetAddress.getByName("127.0.6.2");
		String plain = "Plain " + UUID.randomUUID();
		String spoofed = "Spoofed " + UUID.randomUUID();
		String direct = "Direct " + UUID.randomUUID();
		String other = "Other " + UUID.randomUUID();
		assertThat(comment(reader, plain).status()).isEqualTo(303);
		assertThat(comment(reader, spoofed, "X-Forwarded-For: 203.0.113.9").status()).isEqualTo(303);
		assertThat(
				RawHttp.post(reader, this.ports[0], ESSAY + "/comments", form(direct), "X-Forwarded-For: 203.0.113.9")
					.status())
			.isEqualTo(303);
		assertThat(comment(InetAddress.getByName("127.0.6.3"), other).status()).isEqualTo(303);
		Map<String, String> clients = clients();
		assertThat(clients.get(spoofed)).as("a header the reader sent to nginx does not change who they are")
			.isEqualTo(clients.get(plain));
		assertThat(clients.get(direct)).as("an instance ignores the header from anyone but nginx")
			.isEqualTo(clients.get(plain));
		assertThat(clients.get(other)).as("another reader").isNotEqualTo(clients.get(plain));
	}

	@Test
	@Order(4)
	void theEditorShouldWorkTheDeskThroughNginxAndNothingOfItBeCached() throws Exception {
		String base = "https://localhost:" + this.httpsPort;
		Editor editor = new Editor(new Http(base, this.tls.context(), true));
		Reply login = editor.logIn("editor", Editor.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location")).as("relative: the browser stays on the https origin it used")
			.hasValue("/admin");
		assertThat(login.headers().firstValue("Set-Cookie")).as("over TLS, the session cookie is Secure")
			.hasValueSatisfying((cookie) -> assertThat(cookie).contains("; Secure"));
		for (int i = 0; i < 6; i++) {
			Reply desk = editor.get("/admin");
			assertThat(desk.statusCode()).as("the same instance every time, still logged in").isEqualTo(200);
			assertThat(desk.headers().allValues("Cache-Control")).containsExactly("no-store");
		}
		editor.open("/admin");
		String words = "For the editor " + UUID.randomUUID();
		String location = comment(InetAddress.getByName("127.0.6.4"), words).header("Location").orElseThrow();
		long id = Long.parseLong(location.replaceAll(".*posted=(\\d+).*", "$1"));
		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/spam", "back", "/admin")))
			.contains("spam");
		long start = System.nanoTime();
		for (int port : this.ports) {
			assertThat(millisUntil(start, () -> !RawHttp.get(port, ESSAY).body().contains(words)))
				.as("ms until the instance hides it")
				.isLessThan(1_000);
		}
	}

	@Test
	@Order(5)
	void killingOneInstanceMidLoadShouldLoseNoAcknowledgedComment() throws Exception {
		Map<Long, String> acknowledged = new ConcurrentHashMap<>();
		// steady, not flat out: the test's clients, nginx, PostgreSQL and both instances
		// share this machine's cores, and the restarted instance must start beside them
		Commenters load = new Commenters(this.https, this.httpsPort, acknowledged, "cluster", true)
			.thinking(Duration.ofMillis(200));
		AtomicBoolean reading = new AtomicBoolean(true);
		AtomicInteger pages = new AtomicInteger();
		Map<Integer, Integer> failedPages = new ConcurrentHashMap<>();
		Thread reader = new Thread(() -> {
			while (reading.get()) {
				int status = RawHttp.get(this.https, this.httpsPort, ESSAY).status();
				pages.incrementAndGet();
				if (status != 200) {
					failedPages.merge(status, 1, Integer::sum);
				}
				try {
					Thread.sleep(50);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}, "reader");
		reader.start();
		load.start(8);
		load.awaitMore(40, Duration.ofSeconds(30));

		load.stopping();
		int beforeKill = load.acknowledged();
		this.instances[0].kill();
		load.awaitMore(40, Duration.ofSeconds(30));
		int cutByKill = load.cutOff();
		int sinceKill = load.acknowledged() - beforeKill;

		// it starts beside the load, the other instance, nginx and PostgreSQL, on this
		// machine's cores
		long restart = System.nanoTime();
		this.instances[0] = launch(0).started(Duration.ofMinutes(3));
		System.out.printf("The killed instance started again under load in %d ms%n",
				(System.nanoTime() - restart) / 1_000_000);
		// nginx tries it again once fail_timeout (5 s) is over: only then may the
		// other stop (the README's rolling restart)
		long back = System.nanoTime();
		while (!WRITTEN.matcher(this.instances[0].log()).find() && System.nanoTime() - back < 30_000_000_000L) {
			Thread.sleep(50);
		}
		System.out.printf("The restarted instance had comments from nginx again after %d ms%n",
				(System.nanoTime() - back) / 1_000_000);
		load.awaitMore(40, Duration.ofSeconds(30));
		int beforeStop = load.cutOff();
		assertThat(this.instances[1].stop()).as("exit after SIGTERM").isIn(0, 143);
		load.awaitMore(40, Duration.ofSeconds(30));
		load.stop();
		reading.set(false);
		reader.join(30_000);
		this.instances[1] = launch(1).started();

		assertThat(load.unexpected()).as("answers other than 303 or a cut-off").isEmpty();
		Map<Long, String> stored = stored();
		for (Map.Entry<Long, String> comment : acknowledged.entrySet()) {
			assertThat(stored).as("acknowledged comment %d", comment.getKey())
				.containsEntry(comment.getKey(), comment.getValue());
		}
		List<String> texts = stored.values().stream().filter((text) -> text.startsWith("cluster")).toList();
		assertThat(texts).as("no comment stored twice (nginx sends a POST again when its instance dies)")
			.doesNotHaveDuplicates();
		String heading = Jsoup.parse(RawHttp.get(this.https, this.httpsPort, ESSAY).body())
			.selectFirst("#comments-title")
			.text();
		assertThat(heading).as("the page counts what the database holds").isEqualTo(published() + " comments");
		System.out.printf("Behind nginx under load: %d comments acknowledged, all %d found in PostgreSQL (%d stored);"
				+ " SIGKILL of one cut off %d sends (%d acknowledged by the other just after), SIGTERM of the other"
				+ " cut off %d; readers' pages: %d, not 200: %s%n", acknowledged.size(), acknowledged.size(),
				stored.size(), cutByKill, sinceKill, load.cutOff() - beforeStop, pages.get(), failedPages);
		assertThat(load.cutOff()).as("comments that failed: nginx sent each to the instance still up").isZero();
		assertThat(failedPages).as("pages that failed: nginx sent each to the instance still up").isEmpty();
	}

	private RawHttp.Answer comment(InetAddress from, String words, String... headers) throws Exception {
		return RawHttp.post(this.https, from, this.httpsPort, ESSAY + "/comments", form(words), headers);
	}

	private String form(String words) {
		String token = Jsoup.parse(RawHttp.get(this.https, this.httpsPort, ESSAY).body())
			.selectFirst("form#comment-form input[name=token]")
			.val();
		return "name=Reader&body=" + URLEncoder.encode(words, StandardCharsets.UTF_8) + "&token="
				+ URLEncoder.encode(token, StandardCharsets.UTF_8);
	}

	/** every comment's text and the salted hash of the address it came from */
	private Map<String, String> clients() throws Exception {
		Map<String, String> clients = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(this.database, Postgres.user(), "");
				ResultSet rows = connection.createStatement()
					.executeQuery("select body_markdown, client_hash from comment")) {
			while (rows.next()) {
				clients.put(rows.getString(1), rows.getString(2));
			}
		}
		return clients;
	}

	private Map<Long, String> stored() throws Exception {
		Map<Long, String> stored = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(this.database, Postgres.user(), "");
				ResultSet rows = connection.createStatement().executeQuery("select id, body_markdown from comment")) {
			while (rows.next()) {
				stored.put(rows.getLong(1), rows.getString(2));
			}
		}
		return stored;
	}

	private long published() throws Exception {
		try (Connection connection = DriverManager.getConnection(this.database, Postgres.user(), "");
				PreparedStatement query = connection
					.prepareStatement("select count(*) from comment where post_slug = ? and status = 'PUBLISHED'")) {
			query.setString(1, TestContent.ESSAY_SLUG);
			try (ResultSet rows = query.executeQuery()) {
				rows.next();
				return rows.getLong(1);
			}
		}
	}

	private static long millisUntil(long start, BooleanSupplier condition) throws InterruptedException {
		while (!condition.getAsBoolean()) {
			if (System.nanoTime() - start > 5_000_000_000L) {
				return Long.MAX_VALUE;
			}
			Thread.sleep(10);
		}
		return (System.nanoTime() - start) / 1_000_000;
	}

}
