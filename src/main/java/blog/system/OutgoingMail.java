package blog.system;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * The blog's way out to a mail server: Spring Boot's {@code spring.mail.*} settings. Mail
 * is on when {@code spring.mail.host} is set, and off (nothing is offered that would need
 * it) when it is not.
 */
@Component
public class OutgoingMail {

	private final @Nullable JavaMailSender sender;

	/**
	 * @param senders Spring Boot's mail sender, when it made one
	 * @param environment the settings, to make one from otherwise
	 */
	public OutgoingMail(ObjectProvider<JavaMailSender> senders, Environment environment) {
		JavaMailSender sender = senders.getIfAvailable(() -> fromProperties(environment));
		if (sender instanceof JavaMailSenderImpl impl) {
			withTimeouts(impl);
		}
		this.sender = sender;
	}

	/**
	 * A mail server that does not answer holds a sender for 10 seconds at most, unless
	 * {@code spring.mail.properties.mail.smtp.*timeout} says otherwise (JavaMail's own
	 * default is to wait for ever).
	 */
	private static void withTimeouts(JavaMailSenderImpl sender) {
		String protocol = (sender.getProtocol() != null) ? sender.getProtocol() : "smtp";
		for (String timeout : new String[] { "connectiontimeout", "timeout", "writetimeout" }) {
			sender.getJavaMailProperties().putIfAbsent("mail." + protocol + "." + timeout, "10000");
		}
	}

	/**
	 * Spring Boot makes a mail sender when {@code spring.mail.host} is set, but a start
	 * with Spring AOT fixed its beans when the jar was built: then this makes one from
	 * the same {@code spring.mail.*} settings.
	 */
	private static @Nullable JavaMailSender fromProperties(Environment environment) {
		MailProperties mail = Binder.get(environment)
			.bind("spring.mail", MailProperties.class)
			.orElseGet(MailProperties::new);
		if (mail.getHost() == null || mail.getHost().isBlank()) {
			return null;
		}
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost(mail.getHost());
		if (mail.getPort() != null) {
			sender.setPort(mail.getPort());
		}
		sender.setUsername(mail.getUsername());
		sender.setPassword(mail.getPassword());
		sender.setProtocol(mail.getProtocol());
		sender.setDefaultEncoding(mail.getDefaultEncoding().name());
		sender.getJavaMailProperties().putAll(mail.getProperties());
		return sender;
	}

	/**
	 * @return whether mail can be sent
	 */
	public boolean on() {
		return this.sender != null;
	}

	/**
	 * @return the sender
	 * @throws IllegalStateException when mail is off
	 */
	public JavaMailSender sender() {
		if (this.sender == null) {
			throw new IllegalStateException("spring.mail.host is not set: mail is off");
		}
		return this.sender;
	}

}
