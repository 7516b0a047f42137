package blog.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The blog's secret and what is made with it: form signatures, the salted hash that
 * stands for a client's address (the address itself is never stored), and random private
 * links. The secret comes from {@code blog.form-secret}, or is generated on first start
 * and kept in the data folder, readable by its owner only.
 */
@Component
public class Keys {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public Keys(BlogProperties properties) {
		String secret = properties.formSecret();
		this.key = new SecretKeySpec(
				((secret != null && !secret.isBlank()) ? secret : storedSecret(properties.dataDir()))
					.getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
	}

	/**
	 * @param purpose what the signature is for, so that one use's signature is no good
	 * for another
	 * @param text what to sign
	 * @return the signature, base64url
	 */
	public String sign(String purpose, String text) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			byte[] signature = mac.doFinal((purpose + "\n" + text).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(signature);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", ex);
		}
	}

	/**
	 * @param address a client's network address
	 * @return a stable stand-in for it that cannot be turned back into the address
	 */
	public String client(String address) {
		return sign("client", address).substring(0, 32);
	}

	/**
	 * @return a new random token for a private link
	 */
	public static String randomToken() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String storedSecret(Path dataDir) {
		Path file = dataDir.resolve("form-secret");
		try {
			if (Files.exists(file)) {
				String secret = Files.readString(file).strip();
				if (secret.length() >= 32) {
					return secret;
				}
				throw new IllegalStateException(file.toAbsolutePath() + " holds no usable secret: delete it, and a new "
						+ "one is made at the next start (forms opened before then must be sent again)");
			}
			Files.createDirectories(dataDir);
			String secret = randomToken() + randomToken();
			Files.writeString(file, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			try {
				Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException ex) {
				// not a POSIX file system: the folder's own permissions guard it
			}
			return secret;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot keep the form secret in " + file.toAbsolutePath()
					+ ": make blog.data-dir a folder this user can write", ex);
		}
	}

}
