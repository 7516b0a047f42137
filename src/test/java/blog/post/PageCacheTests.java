package blog.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;

import blog.comment.CommentsChanged;
import blog.support.BlogTest;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.TestContent;
import blog.support.Web;
import blog.system.EarlyAnswers;
import org.jspecify.annotations.Nullable;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Post pages served from memory over HTTP: conditional requests, gzip, a fresh form token
 * in every answer, and a new page as soon as a comment is written.
 */
@BlogTest
class PageCacheTests {

	static final String ESSAY = TestContent.ESSAY_PATH;

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PageCacheFilter filter;

	@Autowired
	KeptPageAnswers early;

	@Autowired
	KeptPages kept;

	@Autowired
	ApplicationEventPublisher events;

	@Test
	void pageShouldCarryAWeakETagAndBeRevalidated() {
		Web http = new MockWeb(this.mvc);
		Reply page = http.get(ESSAY);
		String etag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("W/\"[0-9a-f]{24}-\\d+\"");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
		Reply again = http.get(ESSAY, "If-None-Match", etag);
		assertThat(again.statusCode()).isEqualTo(304);
		assertThat(again.body()).isEmpty();
		assertThat(again.headers().firstValue("ETag")).hasValue(etag);
		assertThat(http.get(ESSAY, "If-None-Match", "W/\"other\"").statusCode()).isEqualTo(200);
		assertThat(http.get("/", "If-None-Match", "*").statusCode()).isEqualTo(304);
	}

	@Test
	void gzipShouldHoldThePlainPageWithItsOwnToken() throws Exception {
		Web http = new MockWeb(this.mvc);
		Reply gzip = http.get(ESSAY, "Accept-Encoding", "gzip");
		assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
		assertThat(gzip.headers().firstValue("Content-Length")).hasValue(Integer.toString(gzip.bytes().length));
		String unzipped = gunzip(gzip.bytes());
		String plain = http.get(ESSAY).body();
		assertThat(withoutToken(unzipped)).isEqualTo(withoutToken(plain));
	}

	@Test
	void everyAnswerShouldCarryATokenIssuedWhenItWasSent() throws Exception {
		Web http = new MockWeb(this.mvc);
		long before = Instant.now().getEpochSecond();
		http.get(ESSAY);
		Thread.sleep(1100);
		String token = Jsoup.parse(http.get(ESSAY).body()).selectFirst("input[name=token]").val();
		assertThat(Long.parseLong(token.substring(0, token.indexOf('.')))).isGreaterThan(before);
	}

	@Test
	void commentShouldBeOnThePageAtOnceUnderANewETag() {
		Web http = new MockWeb(this.mvc);
		Reply page = http.get(ESSAY);
		String etag = page.headers().firstValue("ETag").orElseThrow();
		String token = Jsoup.parse(page.body()).selectFirst("input[name=token]").val();
		String text = "cached? " + UUID.randomUUID();
		Reply posted = http.post(ESSAY + "/comments", "token=" + token + "&name=Fresh&body=" + text.replace(" ", "+"),
				"Content-Type", "application/x-www-form-urlencoded");
		assertThat(posted.statusCode()).isEqualTo(303);
		Reply after = http.get(ESSAY, "If-None-Match", etag);
		assertThat(after.statusCode()).isEqualTo(200);
		assertThat(after.body()).contains(text);
		assertThat(after.headers().firstValue("ETag")).isNotEqualTo(etag);
	}

	@Test
	void readersArrivingTogetherAfterAChangeShouldCostOneRender() throws Exception {
		Web http = new MockWeb(this.mvc);
		http.get(ESSAY);
		this.events.publishEvent(CommentsChanged.any(TestContent.ESSAY_SLUG));
		long before = this.filter.renders();
		int readers = 16;
		CyclicBarrier together = new CyclicBarrier(readers);
		List<Future<Reply>> answers = new ArrayList<>();
		ExecutorService pool = Executors.newFixedThreadPool(readers);
		try {
			for (int i = 0; i < readers; i++) {
				answers.add(pool.submit(() -> {
					together.await();
					return new MockWeb(this.mvc).get(ESSAY);
				}));
			}
			for (Future<Reply> answer : answers) {
				Reply reply = answer.get(30, TimeUnit.SECONDS);
				assertThat(reply.statusCode()).isEqualTo(200);
				assertThat(reply.body()).contains("</html>");
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.filter.renders() - before).as("one render, the others wait or get the last page").isEqualTo(1);
	}

	@Test
	void pagesForOneReaderShouldNotBeKept() {
		Web http = new MockWeb(this.mvc);
		assertThat(http.get(ESSAY + "?reply=1").headers().firstValue("ETag")).isEmpty();
		assertThat(http.get(ESSAY + "?posted=1&key=x").headers().firstValue("ETag")).isEmpty();
		assertThat(http.get(ESSAY + "?page=999").statusCode()).isEqualTo(404);
		assertThat(http.get("/2024/10/no-such-post.html").statusCode()).isEqualTo(404);
		assertThat(http.get("/2024/10/no-such-post.html").headers().firstValue("ETag")).isEmpty();
	}

	@Test
	void headShouldAnswerTheHeadersAlone() {
		Reply head = new MockWeb(this.mvc).head(ESSAY);
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.body()).isEmpty();
		assertThat(head.headers().firstValue("ETag")).isPresent();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-", textBlock = """
			GET  | /2024/10/the-dangers-of-ignoring-diplomacy-why.html | -               | -
			GET  | /2024/10/the-dangers-of-ignoring-diplomacy-why.html | Accept-Encoding | gzip, deflate, br
			HEAD | /2024/10/the-dangers-of-ignoring-diplomacy-why.html | Accept-Encoding | gzip
			GET  | /                                                  | Accept-Language | de-AT, en;q=0.5
			GET  | /2024/10/the-dangers-of-ignoring-diplomacy-why.html?page=1&m=1 | -  | -
			GET  | /                                                  | If-None-Match   | *
			GET  | /                                                  | If-None-Match   | W/"other"
			""")
	void earlyAnswerShouldBeTheFiltersAnswer(String method, String target, @Nullable String name,
			@Nullable String value) throws Exception {
		Web http = new MockWeb(this.mvc);
		String[] headers = (name != null) ? new String[] { name, value } : new String[0];
		// kept first: a page the server has not kept yet goes to the application
		http.get(target, "Accept-Language".equals(name) ? headers : new String[0]);
		Reply byFilter = "HEAD".equals(method) ? http.head(target, headers) : http.get(target, headers);
		EarlyAnswers.Answer early = this.early.answer(new Asked(method, target, name, value));
		assertThat(early).as("kept, so answered before the servlet layer").isNotNull();
		assertThat(early.status()).isEqualTo(byFilter.statusCode());
		Map<String, String> earlyHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		// the security headers come from the server's handler, as from the filter
		for (String each : new String[] { "Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy",
				"X-Frame-Options", "Permissions-Policy" }) {
			earlyHeaders.put(each, byFilter.header(each).orElseThrow());
		}
		early.headers().forEach((header) -> earlyHeaders.put(header.name(), header.value()));
		if (early.status() == 200) {
			earlyHeaders.put("Content-Length", Integer.toString(early.length()));
		}
		Map<String, String> filterHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byFilter.headers().map().forEach((header, values) -> filterHeaders.put(header, String.join(", ", values)));
		assertThat(earlyHeaders).isEqualTo(filterHeaders);
		if (early.status() == 200 && "GET".equals(method)) {
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			early.body().forEach(body::writeBytes);
			boolean gzip = byFilter.header("Content-Encoding").isPresent();
			assertThat(withoutToken(gzip ? gunzip(body.toByteArray()) : body.toString(StandardCharsets.UTF_8)))
				.isEqualTo(withoutToken(gzip ? gunzip(byFilter.bytes()) : byFilter.body()));
		}
	}

	@Test
	void earlyAnswerShouldLeaveTheUnusualToTheApplication() {
		Web http = new MockWeb(this.mvc);
		http.get(ESSAY);
		assertThat(this.early.answer(new Asked("GET", ESSAY, null, null))).isNotNull();
		assertThat(this.early.answer(new Asked("GET", ESSAY, "If-Match", "\"x\""))).isNull();
		assertThat(this.early.answer(new Asked("GET", ESSAY + "?reply=1", null, null))).isNull();
		assertThat(this.early.answer(new Asked("GET", "/feeds/posts/default", null, null))).isNull();
		this.events.publishEvent(CommentsChanged.any(TestContent.ESSAY_SLUG));
		assertThat(this.early.answer(new Asked("GET", ESSAY, null, null))).as("changed since: rendered again").isNull();
	}

	@Test
	void earlyAnswerWhileThePageIsRenderedShouldBeItsLastBytes() throws Exception {
		Web http = new MockWeb(this.mvc);
		String before = http.get(ESSAY).body();
		this.events.publishEvent(CommentsChanged.any(TestContent.ESSAY_SLUG));
		String key = KeptPages.key(ESSAY, null, "en");
		KeptPages.Kept last = this.kept.get(key);
		CountDownLatch rendering = new CountDownLatch(1);
		CountDownLatch done = new CountDownLatch(1);
		ExecutorService renderer = Executors.newSingleThreadExecutor();
		try {
			Future<KeptPages.Kept> render = renderer.submit(() -> this.kept.renderOnce(key, last, () -> {
				rendering.countDown();
				try {
					done.await();
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
				return last;
			}));
			assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
			EarlyAnswers.Answer meanwhile = this.early.answer(new Asked("GET", ESSAY, null, null));
			assertThat(meanwhile).as("the page's last bytes, while another request renders it").isNotNull();
			ByteArrayOutputStream body = new ByteArrayOutputStream();
			meanwhile.body().forEach(body::writeBytes);
			assertThat(withoutToken(body.toString(StandardCharsets.UTF_8))).isEqualTo(withoutToken(before));
			done.countDown();
			render.get(10, TimeUnit.SECONDS);
		}
		finally {
			done.countDown();
			renderer.shutdownNow();
		}
		assertThat(this.early.answer(new Asked("GET", ESSAY, null, null))).as("rendered, and still not current")
			.isNull();
	}

	/**
	 * A request as the web server tells it, with at most one header.
	 */
	private record Asked(String method, String target, @Nullable String name,
			@Nullable String value) implements EarlyAnswers.Asked {

		@Override
		public String path() {
			return this.target.contains("?") ? this.target.substring(0, this.target.indexOf('?')) : this.target;
		}

		@Override
		public @Nullable String query() {
			return this.target.contains("?") ? this.target.substring(this.target.indexOf('?') + 1) : null;
		}

		@Override
		public @Nullable String header(String header) {
			return header.equalsIgnoreCase(this.name) ? this.value : null;
		}

		@Override
		public boolean repeated(String header) {
			return false;
		}

	}

	private static String withoutToken(String page) {
		return page.replaceAll("name=\"token\" value=\"[^\"]+\"", "name=\"token\"");
	}

	private static String gunzip(byte[] gzip) throws IOException {
		try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
