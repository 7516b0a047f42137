package blog.mail;

import java.util.regex.Pattern;

/**
 * A mail server's answer without the addresses in it ({@code 550 <ana@example.org>: no
 * such user}), so that it can go to the log and the desk.
 */
final class Redacted {

	private static final Pattern ADDRESS = Pattern.compile("[^\\s<>\"'(),;:]+@[^\\s<>\"'(),;:]+");

	private Redacted() {
	}

	static String of(String text) {
		return ADDRESS.matcher(text).replaceAll("(address)");
	}

}
