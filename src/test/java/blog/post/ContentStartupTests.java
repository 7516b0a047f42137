package blog.post;

import java.nio.file.Path;

import blog.BlogApplication;
import blog.support.TestContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static blog.support.TestContent.ESSAY_FILE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * A bad content file stops the whole application at startup, with one line that says
 * which file, which line and what is wrong, and no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class ContentStartupTests {

	@TempDir
	Path dir;

	@Test
	void startWhenPostHasUnknownKeyShouldFailWithOneClearLine(CapturedOutput output) {
		Path content = TestContent.copyTo(this.dir);
		TestContent.write(content, ESSAY_FILE,
				TestContent.read(ESSAY_FILE).replace("published: 2024-10", "published: 2024-10\nautor: X"));
		assertThatException().isThrownBy(() -> start(content));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(System.lineSeparator() + content.resolve(ESSAY_FILE) + ":5: unknown key 'autor' (allowed: ")
			.contains("Fix the content file named above")
			.doesNotContain("\tat ");
	}

	@Test
	void startWhenContentFolderIsMissingShouldFailWithOneClearLine(CapturedOutput output) {
		Path missing = this.dir.resolve("no-such-folder");
		assertThatException().isThrownBy(() -> start(missing));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains(missing + ": content folder not found")
			.doesNotContain("\tat ");
	}

	@Test
	void startWhenBaseUrlIsNotWebShouldFailNamingTheSetting(CapturedOutput output) {
		assertThatException().isThrownBy(() -> new SpringApplicationBuilder(BlogApplication.class)
			.run("--server.port=0", "--blog.base-url=ftp://example.org"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("blog.base-url must be an http:// or https:// address");
	}

	private static void start(Path content) {
		new SpringApplicationBuilder(BlogApplication.class).properties("server.port=0", "blog.content-dir=" + content)
			.run()
			.close();
	}

}
