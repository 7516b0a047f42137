package blog.mail;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentRepository;
import blog.post.Post;
import blog.post.PostCatalog;
import blog.post.Site;
import blog.system.Text;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.jspecify.annotations.Nullable;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Writes the outbox's mails: a plain-text and an HTML part from the templates in
 * {@code templates/mail/} ({@code .txt} and {@code .html}), in the language the address
 * was given in; a comment's text as readers see it (its sanitized HTML); and, on every
 * notification, {@code List-Unsubscribe} with {@code List-Unsubscribe-Post:
 * List-Unsubscribe=One-Click} (RFC 8058) and a link to the page of everything the address
 * follows.
 */
@Component
class Letters {

	/**
	 * what the mails' links to the blog carry, so that the statistics tell readers who
	 * came from a mail
	 */
	static final String FROM_MAIL = "?utm_source=mail";

	private final SpringTemplateEngine html;

	private final SpringTemplateEngine text;

	private final MessageSource messages;

	private final PostCatalog catalog;

	private final CommentRepository comments;

	private final Subscriptions subscriptions;

	private final MailLinks links;

	private final ReaderMailProperties settings;

	Letters(MessageSource messages, PostCatalog catalog, CommentRepository comments, Subscriptions subscriptions,
			MailLinks links, ReaderMailProperties settings) {
		this.messages = messages;
		this.catalog = catalog;
		this.comments = comments;
		this.subscriptions = subscriptions;
		this.links = links;
		this.settings = settings;
		this.html = engine(TemplateMode.HTML, ".html", messages);
		this.text = engine(TemplateMode.TEXT, ".txt", messages);
	}

	private static SpringTemplateEngine engine(TemplateMode mode, String suffix, MessageSource messages) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/mail/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCacheable(true);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setTemplateResolver(resolver);
		engine.setTemplateEngineMessageSource(messages);
		engine.setEnableSpringELCompiler(true);
		return engine;
	}

	/**
	 * @return the mail, or nothing when what it was about is no longer there to tell (a
	 * comment no longer shown, a post gone)
	 */
	Optional<MimeMessage> write(Outbox.Mail mail, JavaMailSender sender) throws MessagingException {
		Locale locale = Locale.forLanguageTag(mail.language());
		Site site = this.catalog.site();
		Map<String, Object> model = new HashMap<>();
		model.put("blog", site.title());
		model.put("blogUrl", site.absolute("/"));
		String subject;
		String template;
		switch (mail.kind()) {
			case CONFIRM -> {
				if (mail.linkToken() == null) {
					return Optional.empty();
				}
				template = "confirm";
				subject = message("mail.confirm.subject", locale, site.title());
				model.put("confirmUrl", link(site, "/mail/confirm", mail.linkToken()));
				model.put("follows", described(this.subscriptions.subscriptions(mail.subscriberId()), locale));
				model.put("hours", MailLinks.CONFIRMATION_LIFETIME.toHours());
			}
			case COMMENT -> {
				Optional<Comment> found = this.comments.find(Long.parseLong(mail.about()))
					.filter((comment) -> comment.status() == Comment.Status.PUBLISHED);
				Optional<Post> post = found.flatMap((comment) -> this.catalog.find(comment.postSlug()));
				if (found.isEmpty() || post.isEmpty() || mail.target() == null) {
					return Optional.empty();
				}
				Comment comment = found.get();
				template = "comment";
				boolean reply = mail.target().startsWith("thread:");
				subject = Text.oneLine(message(reply ? "mail.comment.subject.reply" : "mail.comment.subject.post",
						locale, comment.authorName(), post.get().title()));
				model.put("reply", reply);
				model.put("author", comment.authorName());
				model.put("when",
						DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
							.withLocale(locale)
							.withZone(ZoneOffset.UTC)
							.format(comment.createdAt()) + " UTC");
				model.put("commentHtml", comment.bodyHtml());
				model.put("commentText", comment.bodyMarkdown());
				model.put("postTitle", post.get().title());
				model.put("commentUrl", site.absolute("/comments/" + comment.id() + FROM_MAIL));
			}
			case POST -> {
				Optional<Post> post = this.catalog.find(mail.about());
				if (post.isEmpty()) {
					return Optional.empty();
				}
				template = "post";
				subject = Text.oneLine(message("mail.post.subject", locale, site.title(), post.get().title()));
				model.put("postTitle", post.get().title());
				model.put("description", post.get().description());
				model.put("postUrl", site.absolute(post.get().permalink() + FROM_MAIL));
			}
			default -> throw new IllegalStateException("Unknown mail kind " + mail.kind());
		}
		String unsubscribeUrl = (mail.subscriptionId() != null)
				? link(site, "/mail/unsubscribe", this.links.unsubscribe(mail.subscriptionId())) : null;
		model.put("unsubscribeUrl", unsubscribeUrl);
		model.put("manageUrl", link(site, "/mail/manage", this.links.manage(mail.subscriberId())));
		model.put("why", (mail.target() != null) ? describe(mail.target(), locale) : null);
		Context context = new Context(locale, model);
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
		helper.setFrom(this.settings.from());
		helper.setTo(mail.email());
		helper.setSubject(subject);
		helper.setText(this.text.process(template, context), this.html.process(template, context));
		message.setHeader("Auto-Submitted", "auto-generated");
		if (unsubscribeUrl != null) {
			message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
			message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
		}
		return Optional.of(message);
	}

	/** what each of these subscriptions is, in words */
	List<String> described(List<Subscriptions.Subscription> subscriptions, Locale locale) {
		return subscriptions.stream().map((subscription) -> describe(subscription.target(), locale)).toList();
	}

	String describe(String target, Locale locale) {
		Site site = this.catalog.site();
		if (target.startsWith("thread:")) {
			String title = this.comments.find(Long.parseLong(target.substring("thread:".length())))
				.flatMap((comment) -> this.catalog.find(comment.postSlug()))
				.map(Post::title)
				.orElse(site.title());
			return message("mail.target.thread", locale, title);
		}
		if (target.startsWith("post:")) {
			String slug = target.substring("post:".length());
			return message("mail.target.post", locale, this.catalog.find(slug).map(Post::title).orElse(slug));
		}
		return message("mail.target.blog", locale, site.title());
	}

	private String message(String code, Locale locale, @Nullable Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private static String link(Site site, String path, String token) {
		return UriComponentsBuilder.fromUriString(site.absolute(path))
			.queryParam("t", token)
			.encode()
			.build()
			.toUriString();
	}

}
