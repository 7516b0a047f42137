package blog.comment;

import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import blog.support.Http;
import blog.support.RawHttp;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a proxy: the client's address comes from {@code X-Forwarded-For} only when the
 * request came from a trusted proxy (here 127.0.0.1, named in
 * {@code blog.trusted-proxies}); from anyone else the header is ignored, so that nobody
 * dodges the rate limit by sending it. Each client may send two comments a minute here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "blog.trusted-proxies=127\\.0\\.0\\.1", "blog.comments.rate-limit.per-minute=2" })
class ProxyIT {

	@LocalServerPort
	int port;

	@Test
	void aTrustedProxyShouldNameTheClient() throws Exception {
		InetAddress proxy = InetAddress.getByName("127.0.0.1");
		assertThat(send(proxy, "X-Forwarded-For: 203.0.113.5").status()).isEqualTo(303);
		assertThat(send(proxy, "X-Forwarded-For: 203.0.113.5").status()).isEqualTo(303);
		assertThat(send(proxy, "X-Forwarded-For: 203.0.113.5").status()).as("the same client, limited").isEqualTo(429);
		assertThat(send(proxy, "X-Forwarded-For: 198.51.100.7").status()).as("another client behind the proxy")
			.isEqualTo(303);
		// a client's own claim before the proxy's entry counts for nothing: the proxy saw
		// 203.0.113.5
		assertThat(send(proxy, "X-Forwarded-For: 192.0.2.1, 203.0.113.5").status()).isEqualTo(429);
	}

	@Test
	void anyoneElsesHeaderShouldBeIgnored() throws Exception {
		InetAddress stranger = InetAddress.getByName("127.0.0.23");
		assertThat(send(stranger, "X-Forwarded-For: 192.0.2.10").status()).isEqualTo(303);
		assertThat(send(stranger, "X-Forwarded-For: 192.0.2.11").status()).isEqualTo(303);
		assertThat(send(stranger, "X-Forwarded-For: 192.0.2.12").status()).as("still the same client").isEqualTo(429);
		assertThat(send(stranger).status()).isEqualTo(429);
	}

	private RawHttp.Answer send(InetAddress from, String... headers) throws Exception {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("token", new Reader(new Http(this.port)).token());
		form.put("name", "Behind a proxy");
		form.put("body", "Sent through a proxy " + UUID.randomUUID());
		return RawHttp.post(from, this.port, Reader.COMMENTS, Reader.encode(form), headers);
	}

}
