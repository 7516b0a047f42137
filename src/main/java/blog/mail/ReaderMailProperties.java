package blog.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail to readers, {@code blog.mail.*}; the server is Spring Boot's
 * {@code spring.mail.*}, and without {@code spring.mail.host} nothing is offered or
 * queued.
 *
 * @param from the mails' sender
 * @param retry the first wait after a mail server failed or was away; each next wait is
 * twice as long, up to an hour
 * @param giveUpAfter how long a mail is tried before it is marked failed
 */
@ConfigurationProperties("blog.mail")
record ReaderMailProperties(@DefaultValue("blog@localhost") String from, @DefaultValue("1m") Duration retry,
		@DefaultValue("3d") Duration giveUpAfter) {

	ReaderMailProperties {
		if (!from.strip().matches("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+")) {
			throw new IllegalArgumentException(
					"blog.mail.from must be one mail address (name@host), not '" + from + "'");
		}
		if (retry.isNegative() || retry.isZero() || retry.compareTo(Duration.ofHours(1)) > 0) {
			throw new IllegalArgumentException("blog.mail.retry must be more than 0 and at most 1h, not " + retry);
		}
		if (giveUpAfter.compareTo(retry) < 0 || giveUpAfter.compareTo(Duration.ofDays(30)) > 0) {
			throw new IllegalArgumentException(
					"blog.mail.give-up-after must be at least blog.mail.retry and at most 30d, not " + giveUpAfter);
		}
	}

}
