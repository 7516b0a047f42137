package blog.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one editor: {@code blog.admin.username} with {@code blog.admin.password-hash}. With
 * no hash configured, the first start makes a strong one-time password, prints it once in
 * the log and keeps only its hash in the data folder ({@code admin-password}); later
 * starts use that hash. There is never a default password.
 */
class EditorAccount implements UserDetailsService {

	private static final Log logger = LogFactory.getLog(EditorAccount.class);

	static final String ROLE = "EDITOR";

	private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

	private final String username;

	private final String passwordHash;

	EditorAccount(AdminProperties admin, Path dataDir, PasswordEncoder encoder) {
		this.username = admin.username();
		String configured = admin.passwordHash();
		this.passwordHash = (configured != null && !configured.isBlank()) ? configured.strip()
				: storedHash(dataDir, encoder);
	}

	@Override
	public UserDetails loadUserByUsername(String name) {
		if (!this.username.equals(name)) {
			throw new UsernameNotFoundException("No such editor");
		}
		return User.withUsername(this.username).password(this.passwordHash).roles(ROLE).build();
	}

	private String storedHash(Path dataDir, PasswordEncoder encoder) {
		Path file = dataDir.resolve("admin-password");
		try {
			if (Files.exists(file)) {
				String hash = Files.readString(file).strip();
				if (hash.startsWith("{bcrypt}") || hash.startsWith("{argon2}")) {
					return hash;
				}
				throw new IllegalStateException(file.toAbsolutePath() + " holds no password hash: delete it, and a new "
						+ "one-time password is made and logged at the next start");
			}
			Files.createDirectories(dataDir);
			String password = oneTimePassword();
			String hash = encoder.encode(password);
			Files.writeString(file, hash + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's own permissions guard it
			}
			logger.warn("No blog.admin.password-hash is set, so the editor's desk (/admin) has a one-time password,"
					+ " shown only this once. User: " + this.username + "  Password: " + password
					+ "  (only its hash is kept, in " + file.toAbsolutePath() + "; set blog.admin.password-hash to"
					+ " choose your own: see docs/desk.md)");
			return hash;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the editor's password hash in " + file.toAbsolutePath()
					+ ": make blog.data-dir a folder this user can write", ex);
		}
	}

	private static String oneTimePassword() {
		SecureRandom random = new SecureRandom();
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 24; i++) {
			if (i > 0 && i % 6 == 0) {
				password.append('-');
			}
			password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}

}
