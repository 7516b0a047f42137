package blog.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import blog.BlogApplication;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A bad setting stops startup with a message that names it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsStartupTests {

	@TempDir
	Path dir;

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			blog.comments.moderation=sometimes         | blog.comments.moderation
			blog.comments.rate-limit.per-minute=0      | blog.comments.rateLimit.perMinute
			blog.comments.rate-limit.per-day=lots      | blog.comments.rate-limit.per-day
			blog.comments.min-fill-time=-1s            | blog.comments.min-fill-time
			blog.comments.max-length=50000             | blog.comments.maxLength
			blog.form-secret=short                     | blog.form-secret
			blog.base-url=localhost                    | blog.base-url
			blog.trusted-proxies=127.0.0.(1            | blog.trusted-proxies
			blog.rerender-interval=2s                  | blog.rerender-interval
			server.tomcat.remoteip.internal-proxies=x  | server.tomcat.remoteip.internal-proxies
			server.tomcat.max-http-form-post-size=1MB  | server.tomcat.max-http-form-post-size
			server.forward-headers-strategy=native     | blog.trusted-proxies
			""")
	void startWhenSettingIsBadShouldFailNamingIt(String setting, String name, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start("--" + setting));
		assertThat(output).contains("APPLICATION FAILED TO START").contains(name).doesNotContain("\tat ");
	}

	@ParameterizedTest
	@CsvSource("data-is-a-file")
	void startWhenDataFolderIsAFileShouldFailNamingIt(String name, CapturedOutput output) throws IOException {
		Path file = Files.writeString(this.dir.resolve(name), "not a folder");
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(BlogApplication.class)
			.run("--server.port=0", "--blog.data-dir=" + file)
			.close());
		assertThat(output).contains("APPLICATION FAILED TO START").contains("blog.data-dir").contains(file.toString());
	}

	private void start(String setting) {
		new SpringApplicationBuilder(BlogApplication.class)
			.run("--server.port=0", "--blog.data-dir=" + this.dir.resolve("data"), setting)
			.close();
	}

}
