package blog.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import blog.BlogApplication;
import blog.comment.Reader;
import blog.support.Http;
import blog.support.Loopback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With one property, {@code logging.structured.format.console=ecs}, the log is JSON, one
 * object a line: one line per comment written and per editor action, with their facts as
 * fields, and never a comment's text or a client's address. The blog runs in a JVM of its
 * own (Logback is set up once per JVM, and the other tests' JVM has plain logs).
 */
class StructuredLogIT {

	@TempDir
	Path dataDir;

	@Test
	void commentsAndEditorActionsShouldBeOneJsonLineEach() throws Exception {
		int port = Loopback.freePort();
		Path log = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
		Process blog = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), BlogApplication.class.getName(), "--server.port=" + port,
				"--blog.data-dir=" + this.dataDir, "--logging.structured.format.console=ecs",
				"--blog.comments.moderation=links", "--blog.comments.min-fill-time=0s",
				"--blog.admin.password-hash=" + Editor.PASSWORD_HASH)
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		String secret = "Private words " + UUID.randomUUID();
		long published;
		try {
			waitUntilHealthy(port, blog);
			Reader reader = new Reader(new Http(port));
			published = reader.comment("Logged", secret);
			reader.send("name", "Linker", "body", secret + " https://example.org");
			Editor editor = new Editor(new Http(port)).loggedIn();
			editor.post("/admin/comments/" + published + "/spam", "back", "/admin");
		}
		finally {
			blog.destroy();
			blog.waitFor(30, TimeUnit.SECONDS);
		}
		String output = Files.readString(log);
		List<String> lines = output.lines().filter((line) -> !line.isBlank()).toList();
		assertThat(lines).as("the log").isNotEmpty().allSatisfy((line) -> assertThat(line).startsWith("{"));
		List<JsonNode> json = lines.stream().map((line) -> JsonMapper.builder().build().readTree(line)).toList();
		JsonNode written = json.stream()
			.filter((line) -> "comment.written".equals(text(line, "event"))
					&& String.valueOf(published).equals(text(line, "comment")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no line for comment " + published + " in " + output));
		assertThat(text(written, "status")).isEqualTo("PUBLISHED");
		assertThat(text(written, "post")).isEqualTo("the-dangers-of-ignoring-diplomacy-why");
		assertThat(text(written, "message"))
			.isEqualTo("Comment " + published + " on the-dangers-of-ignoring-diplomacy-why published");
		assertThat(json).anySatisfy((line) -> {
			assertThat(text(line, "event")).isEqualTo("comment.written");
			assertThat(text(line, "status")).isEqualTo("PENDING");
		});
		assertThat(json).anySatisfy((line) -> {
			assertThat(text(line, "event")).isEqualTo("desk.action");
			assertThat(text(line, "action")).isEqualTo("spam");
			assertThat(text(line, "comment")).isEqualTo(String.valueOf(published));
			assertThat(text(line, "editor")).isEqualTo("editor");
		});
		assertThat(json).anySatisfy((line) -> assertThat(text(line, "action")).isEqualTo("login"));
		assertThat(output).doesNotContain(secret).doesNotContain("127.0.0.1");
	}

	private static void waitUntilHealthy(int port, Process blog) throws InterruptedException {
		Http http = new Http(port);
		for (int i = 0; i < 240; i++) {
			if (!blog.isAlive()) {
				throw new IllegalStateException("the blog stopped: exit " + blog.exitValue());
			}
			try {
				if (http.get("/actuator/health/readiness", "Accept", "*/*").statusCode() == 200) {
					return;
				}
			}
			catch (RuntimeException ex) {
				// not listening yet
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("the blog did not become ready in a minute");
	}

	private static String text(JsonNode line, String field) {
		JsonNode value = line.get(field);
		return (value != null) ? value.asString() : "";
	}

}
