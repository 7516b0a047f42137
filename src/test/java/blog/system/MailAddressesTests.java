package blog.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the blog takes as a reader's mail address: one plain address, its host in lower
 * case; nothing that could add a recipient or a header.
 */
class MailAddressesTests {

	@Test
	void onePlainAddressShouldBeTakenWithItsHostInLowerCase() {
		assertThat(MailAddresses.normalized("  Ana.B+blog@Example.ORG ")).isEqualTo("Ana.B+blog@example.org");
	}

	@Test
	void anythingElseShouldBeRefused() {
		for (String typed : new String[] { "", "ana", "ana@", "@example.org", "ana@localhost",
				"ana@example.org\r\nBcc: x@y.z", "Ana <ana@example.org>", "ana@example.org, bo@example.org",
				"ana..b@example.org", ".ana@example.org", "ana@-example.org", "ana@example..org",
				"a".repeat(250) + "@example.org", "ana@exa mple.org" }) {
			assertThat(MailAddresses.normalized(typed)).as(typed).isNull();
		}
		assertThat(MailAddresses.normalized(null)).isNull();
	}

}
