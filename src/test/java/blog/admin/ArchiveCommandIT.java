package blog.admin;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import blog.BlogApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export and import from the command line, each run as its own Java process on a data
 * folder of its own, as the README shows them.
 */
class ArchiveCommandIT {

	@TempDir
	Path dataDir;

	@Test
	void importThenExportShouldRoundTripAndABrokenFileChangeNothing(@TempDir Path work) throws Exception {
		Run imported = run("import", Path.of("src/test/resources/blogger/legacy-export.xml").toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(imported.out()).startsWith("From legacy-export.xml: 4 comments added.");
		// and the file written anew with only what is used: the export below reads it
		assertThat(imported.err()).doesNotContain("could not be made smaller");

		Run broken = run("import", Path.of("src/test/resources/blogger/broken-export.xml").toString());
		assertThat(broken.status()).isEqualTo(1);
		assertThat(broken.err().strip()).startsWith("Nothing was imported from")
			.contains("Line 66: the file is not well-formed XML")
			.doesNotContain("\tat ");

		Path file = work.resolve("comments.json");
		Run exported = run("export", file.toString());
		assertThat(exported.status()).as(exported.err()).isZero();
		assertThat(exported.out()).contains("Exported 4 comments to " + file);
		JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
		assertThat(json.get("comments")).hasSize(4);
		assertThat(json.get("comments").valueStream().map((comment) -> comment.get("name").asString()))
			.containsExactlyInAnyOrder("Anna K.", "Boris", "Anna K.", "Chen");
	}

	@Test
	void aWrongUseShouldSayHow() throws Exception {
		Run bare = run("export");
		assertThat(bare.status()).isEqualTo(2);
		assertThat(bare.err()).contains("Usage: java -jar opinion-blog.jar export FILE");
		Run missing = run("import", this.dataDir.resolve("nothing.json").toString());
		assertThat(missing.status()).isEqualTo(1);
		assertThat(missing.err()).startsWith("No file to import at");
	}

	private Run run(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
						System.getProperty("java.class.path"), BlogApplication.class.getName()));
		command.addAll(List.of(args));
		command.add("--blog.data-dir=" + this.dataDir);
		Path out = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".out");
		Path err = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".err");
		Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("the command did not finish in two minutes");
		}
		return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
				Files.readString(err, StandardCharsets.UTF_8));
	}

	private record Run(int status, String out, String err) {
	}

}
