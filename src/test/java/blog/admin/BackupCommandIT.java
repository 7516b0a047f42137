package blog.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipInputStream;

import blog.support.Required;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/backup.sh}, as an operator runs it from a shell: it logs in to the desk
 * of the running blog over HTTP with curl and fetches a backup.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BackupCommandIT {

	@LocalServerPort
	int port;

	@Test
	void theBackupCommandShouldFetchABackupFromTheRunningBlog(@TempDir Path into) throws Exception {
		if (!Required.onPath("curl")) {
			Required.missing("curl is not installed (Debian package curl): the backup command is not tried");
		}
		ProcessBuilder builder = new ProcessBuilder("bash", "deploy/backup.sh", "http://127.0.0.1:" + this.port,
				into.toString())
			.redirectErrorStream(true);
		builder.environment().put("BLOG_EDITOR_PASSWORD", Editor.PASSWORD);
		Process command = builder.start();
		String output = new String(command.getInputStream().readAllBytes()).strip();
		assertThat(command.waitFor()).as(output).isZero();
		assertThat(output).matches(".*/blog-\\d{4}-\\d{2}-\\d{2}T\\d{6}Z(-\\d+)?\\.zip");
		assertThat(Path.of(output)).isRegularFile();
		try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Path.of(output)))) {
			assertThat(zip.getNextEntry().getName()).isEqualTo("blog.mv.db");
		}
	}

}
