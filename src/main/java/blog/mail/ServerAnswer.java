package blog.mail;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.MessagingException;
import org.jspecify.annotations.Nullable;

import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;

/**
 * What the mail server answered when a mail did not go, read from the mail library's
 * exceptions.
 *
 * @param text the server's answer, or what stood between the blog and the server
 * @param code the SMTP reply code that refused the mail, or null when no server answered
 */
record ServerAnswer(String text, @Nullable Integer code) {

	static ServerAnswer of(MailException ex) {
		return new ServerAnswer(text(ex), code(ex));
	}

	/** the server's answer, or what stood between the blog and the server */
	private static String text(MailException ex) {
		Throwable cause = ex;
		if (ex instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
			cause = send.getFailedMessages().values().iterator().next();
		}
		StringBuilder text = new StringBuilder();
		for (Throwable t = cause; t != null && text.length() < 600; t = t.getCause()) {
			if (t.getMessage() != null && !text.toString().contains(t.getMessage().strip())) {
				text.append((text.length() > 0) ? "; " : "").append(t.getMessage().strip());
			}
			if (t instanceof MessagingException messaging && messaging.getNextException() != null
					&& messaging.getNextException() != t.getCause()) {
				text.append("; ").append(messaging.getNextException().getMessage());
			}
		}
		return (text.length() > 0) ? text.toString() : ex.getClass().getSimpleName();
	}

	private static final Pattern REPLY_CODE = Pattern.compile("^([2-5]\\d\\d)[ -].*", Pattern.DOTALL);

	/**
	 * The SMTP reply code that refused the mail, if a server answered: the mail library's
	 * exceptions begin their message with it ({@code 550 5.1.1 No such user}).
	 */
	private static @Nullable Integer code(MailException ex) {
		Throwable cause = (ex instanceof MailSendException send && !send.getFailedMessages().isEmpty())
				? send.getFailedMessages().values().iterator().next() : ex.getCause();
		for (Throwable t = cause; t != null; t = next(t)) {
			Matcher reply = (t.getMessage() != null) ? REPLY_CODE.matcher(t.getMessage().strip()) : null;
			if (reply != null && reply.matches() && t instanceof MessagingException) {
				return Integer.parseInt(reply.group(1));
			}
		}
		return null;
	}

	private static @Nullable Throwable next(Throwable t) {
		if (t instanceof MessagingException messaging && messaging.getNextException() != null
				&& messaging.getNextException() != t) {
			return messaging.getNextException();
		}
		return t.getCause();
	}

}
