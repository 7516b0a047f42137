package blog.system;

import java.util.Locale;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Readers' mail addresses as the blog takes them: one plain address
 * ({@code name@host.tld}), no display name, no list, nothing that could start a header of
 * its own.
 */
public final class MailAddresses {

	/** the longest address a mail server takes (RFC 5321's path, less its brackets) */
	public static final int MAX_LENGTH = 254;

	private static final Pattern ADDRESS = Pattern
		.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
				+ "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+");

	private MailAddresses() {
	}

	/**
	 * @param typed what a reader typed
	 * @return the address, its host in lower case (the same mailbox however it was
	 * typed), or null when it is not one address
	 */
	public static @Nullable String normalized(@Nullable String typed) {
		if (typed == null) {
			return null;
		}
		String address = typed.strip();
		if (address.length() > MAX_LENGTH || !ADDRESS.matcher(address).matches() || address.startsWith(".")
				|| address.contains("..")) {
			return null;
		}
		int at = address.lastIndexOf('@');
		return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
	}

}
