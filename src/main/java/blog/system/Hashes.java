package blog.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in hex (the JDK's {@link HexFormat}): what stands for a text in the database,
 * and what names a page's or a feed's bytes in an ETag.
 */
public final class Hashes {

	private Hashes() {
	}

	/**
	 * @param text any text
	 * @return its SHA-256, 64 hex digits
	 */
	public static String sha256(String text) {
		return sha256(32, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * @param length how many bytes of the digest to give (1 to 32)
	 * @param parts the bytes, in order
	 * @return the first {@code length} bytes of their SHA-256, in hex
	 */
	public static String sha256(int length, byte[]... parts) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (byte[] part : parts) {
				sha.update(part);
			}
			return HexFormat.of().formatHex(sha.digest(), 0, length);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every Java runtime", ex);
		}
	}

	/**
	 * @return whether two texts are equal, in a time that does not tell how much of them
	 * is
	 */
	public static boolean equal(String a, String b) {
		return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
	}

}
