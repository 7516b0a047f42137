package blog.system;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

import blog.support.BlogTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.autoconfigure.web.WebProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The error settings take effect: Boot 4 reads them as {@code spring.web.error.*}, and
 * {@code server.error.*}, their Boot 3 name, would be silently ignored.
 */
@BlogTest
class ErrorSettingsTests {

	@Autowired
	WebProperties web;

	@Test
	void errorSettingsShouldBeBoundUnderTheirBoot4Names() {
		ErrorProperties error = this.web.getError();
		assertThat(error.getWhitelabel().isEnabled()).as("on by default, off by our setting").isFalse();
		assertThat(error.getIncludeStacktrace()).isEqualTo(ErrorProperties.IncludeAttribute.NEVER);
		assertThat(error.getIncludeMessage()).isEqualTo(ErrorProperties.IncludeAttribute.NEVER);
		assertThat(error.getIncludeBindingErrors()).isEqualTo(ErrorProperties.IncludeAttribute.NEVER);
		assertThat(error.isIncludeException()).isFalse();
	}

	@Test
	void noSettingShouldUseABoot3NameThatBoot4Ignores() throws IOException {
		Properties properties = new Properties();
		try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
			properties.load(in);
		}
		assertThat(properties.stringPropertyNames()).noneMatch((name) -> name.startsWith("server.error."));
	}

}
