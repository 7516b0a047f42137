package blog.admin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

@ExtendWith(OutputCaptureExtension.class)
class EditorAccountTests {

	final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	@TempDir
	Path dataDir;

	@Test
	void withoutAHashTheFirstStartShouldLogAOneTimePasswordAndKeepOnlyItsHash(CapturedOutput output) throws Exception {
		EditorAccount account = new EditorAccount(properties(null), this.dataDir, this.encoder);
		String password = output.getOut().replaceAll("(?s).*Password: (\\S+).*", "$1");
		assertThat(password).hasSize(27).matches("[\\w]{6}(-[\\w]{6}){3}");
		Path file = this.dataDir.resolve("admin-password");
		assertThat(Files.readString(file)).startsWith("{bcrypt}").doesNotContain(password);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(this.encoder.matches(password, account.loadUserByUsername("editor").getPassword())).isTrue();

		EditorAccount again = new EditorAccount(properties(null), this.dataDir, this.encoder);
		assertThat(again.loadUserByUsername("editor").getPassword()).isEqualTo(Files.readString(file).strip());
		assertThat(output.getOut().split("Password: ", -1)).as("shown once").hasSize(2);
	}

	@Test
	void configuredHashShouldWinAndAcceptHtpasswdBcryptAndArgon2() {
		// made by the README's command: htpasswd -nbBC 12 '' 'your pass phrase'
		String htpasswd = "{bcrypt}$2y$12$8J/2kJQeTLknKGtf.w3TpO.C90YVuApRVkGsS.4cdxMrhaRDpg.sG";
		EditorAccount fromHtpasswd = new EditorAccount(properties(htpasswd), this.dataDir, this.encoder);
		assertThat(this.encoder.matches("your pass phrase", fromHtpasswd.loadUserByUsername("editor").getPassword()))
			.isTrue();
		String realArgon2 = "{argon2}" + new Argon2PasswordEncoder(16, 32, 1, 1 << 12, 2).encode("secret");
		EditorAccount account = new EditorAccount(properties(realArgon2), this.dataDir, this.encoder);
		assertThat(this.encoder.matches("secret", account.loadUserByUsername("editor").getPassword())).isTrue();
		assertThat(Files.exists(this.dataDir.resolve("admin-password"))).isFalse();
	}

	@Test
	void aPasswordInsteadOfAHashShouldStopStartupWithAClearMessage() {
		assertThatIllegalArgumentException().isThrownBy(() -> properties("hunter2"))
			.withMessageContaining("blog.admin.password-hash")
			.withMessageContaining("never the password itself");
	}

	@Test
	void aSpoiledHashFileShouldSayWhatToDo() throws Exception {
		Files.writeString(this.dataDir.resolve("admin-password"), "plain text");
		assertThatIllegalStateException()
			.isThrownBy(() -> new EditorAccount(properties(null), this.dataDir, this.encoder))
			.withMessageContaining("admin-password")
			.withMessageContaining("delete it");
	}

	private AdminProperties properties(String hash) {
		return new AdminProperties("editor", hash, null, "blog@localhost", "0 30 3 * * *");
	}

}
