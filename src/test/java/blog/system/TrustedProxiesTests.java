package blog.system;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which address in {@code X-Forwarded-For} is the client's: the right-most that is not a
 * trusted proxy's, as each proxy appends the address it saw.
 */
class TrustedProxiesTests {

	private final TrustedProxies proxies = new TrustedProxies(Pattern.compile("10\\.0\\.0\\.\\d+|127\\.0\\.0\\.1"));

	@Test
	void clientWhenOneProxyAppendedShouldBeTheAddressItSaw() {
		assertThat(this.proxies.client(List.of("203.0.113.5"))).isEqualTo("203.0.113.5");
		assertThat(this.proxies.client(List.of("192.0.2.1, 203.0.113.5"))).as("what the client claimed is ignored")
			.isEqualTo("203.0.113.5");
	}

	@Test
	void clientWhenProxiesAreChainedShouldSkipThem() {
		assertThat(this.proxies.client(List.of("192.0.2.1, 203.0.113.5, 10.0.0.7"))).isEqualTo("203.0.113.5");
		assertThat(this.proxies.client(List.of("192.0.2.1", "203.0.113.5,10.0.0.7"))).as("over several lines")
			.isEqualTo("203.0.113.5");
	}

	@Test
	void clientWhenEveryHopIsAProxyShouldBeTheFirst() {
		assertThat(this.proxies.client(List.of("10.0.0.3, 10.0.0.7"))).isEqualTo("10.0.0.3");
		assertThat(this.proxies.client(List.of(" , "))).isEmpty();
	}

}
