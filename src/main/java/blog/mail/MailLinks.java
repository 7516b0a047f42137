package blog.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import blog.system.Hashes;
import blog.system.Keys;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * The links in readers' mails, signed with the blog's secret so that nobody can make one
 * for an address or a subscription not their own: a confirmation (single-use, for 48
 * hours: its random part's hash is kept until it is used), an unsubscribe for one
 * subscription, and the page of everything one address follows.
 */
@Component
class MailLinks {

	/** how long a confirmation link works, and an unconfirmed address is kept */
	static final Duration CONFIRMATION_LIFETIME = Duration.ofHours(48);

	private final Keys keys;

	MailLinks(Keys keys) {
		this.keys = keys;
	}

	/**
	 * A new confirmation link's token, with the hash of its single-use part to keep.
	 *
	 * @param token the token, for the link
	 * @param hash what to keep of it
	 */
	record Confirmation(String token, String hash) {
	}

	/**
	 * What a confirmation token says, if it is ours.
	 *
	 * @param subscriberId the address
	 * @param hash the hash of its single-use part
	 * @param expired whether it is too old
	 */
	record Confirming(long subscriberId, String hash, boolean expired) {
	}

	Confirmation confirmation(long subscriberId, Instant now) {
		String nonce = Keys.randomToken();
		long expires = now.plus(CONFIRMATION_LIFETIME).getEpochSecond();
		String text = subscriberId + "." + expires + "." + nonce;
		return new Confirmation(text + "." + this.keys.sign("mail-confirm", text), Hashes.sha256(nonce));
	}

	Optional<Confirming> confirming(@Nullable String token, Instant now) {
		String[] parts = split(token, 4);
		if (parts == null || !digits(parts[0]) || !digits(parts[1]) || !Hashes
			.equal(this.keys.sign("mail-confirm", parts[0] + "." + parts[1] + "." + parts[2]), parts[3])) {
			return Optional.empty();
		}
		boolean expired = Instant.ofEpochSecond(Long.parseLong(parts[1])).isBefore(now);
		return Optional.of(new Confirming(Long.parseLong(parts[0]), Hashes.sha256(parts[2]), expired));
	}

	String unsubscribe(long subscriptionId) {
		return subscriptionId + "." + this.keys.sign("mail-unsubscribe", Long.toString(subscriptionId));
	}

	Optional<Long> unsubscribing(@Nullable String token) {
		return signedId(token, "mail-unsubscribe");
	}

	String manage(long subscriberId) {
		return subscriberId + "." + this.keys.sign("mail-manage", Long.toString(subscriberId));
	}

	Optional<Long> managing(@Nullable String token) {
		return signedId(token, "mail-manage");
	}

	private Optional<Long> signedId(@Nullable String token, String purpose) {
		String[] parts = split(token, 2);
		if (parts == null || !digits(parts[0]) || !Hashes.equal(this.keys.sign(purpose, parts[0]), parts[1])) {
			return Optional.empty();
		}
		return Optional.of(Long.parseLong(parts[0]));
	}

	private static String @Nullable [] split(@Nullable String token, int parts) {
		if (token == null || token.length() > 300) {
			return null;
		}
		String[] split = token.strip().split("\\.", -1);
		return (split.length == parts) ? split : null;
	}

	private static boolean digits(String text) {
		return text.matches("\\d{1,18}");
	}

}
