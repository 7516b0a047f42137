package blog.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Optional;

import blog.post.Post;
import blog.system.Hashes;
import blog.system.Keys;
import blog.system.MailAddresses;
import blog.system.Text;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.Errors;

/**
 * The rules for writing comments: the form's token, spam defences, limits, moderation,
 * rendering, and storing. Each outcome tells the controller what the reader sees. What
 * the writer may do afterwards is {@link OwnComments}.
 */
@Service
public class CommentService {

	private static final Log logger = LogFactory.getLog(CommentService.class);

	/** what happened to comments, with key-value pairs for structured logs */
	private static final Logger history = LoggerFactory.getLogger(CommentService.class);

	static final Duration TWIN_WINDOW = Duration.ofMinutes(1);

	private final CommentRepository repository;

	private final CommentWriter writer;

	private final CommentRenderer renderer;

	private final FormTokens tokens;

	private final Keys keys;

	private final CommentRateLimiter rateLimiter;

	private final CommentProperties settings;

	private final Clock clock;

	private final ModerationMode mode;

	private final ApplicationEventPublisher events;

	private final ReplyMail replies;

	private final TransactionTemplate transactions;

	private final Object[] locks = new Object[64];

	CommentService(CommentRepository repository, CommentWriter writer, CommentRenderer renderer, FormTokens tokens,
			Keys keys, CommentRateLimiter rateLimiter, CommentProperties settings, Clock clock, ModerationMode mode,
			ApplicationEventPublisher events, ReplyMail replies, TransactionTemplate transactions) {
		this.repository = repository;
		this.writer = writer;
		this.renderer = renderer;
		this.tokens = tokens;
		this.keys = keys;
		this.rateLimiter = rateLimiter;
		this.settings = settings;
		this.clock = clock;
		this.mode = mode;
		this.events = events;
		this.replies = replies;
		this.transactions = transactions;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	/**
	 * Checks and stores a comment. Field faults are added to {@code errors}. Not one
	 * transaction: the insert commits on its own while this client's lock is held, so
	 * that a double click's second request finds the first one's comment.
	 * @param post the post commented on
	 * @param form what the reader sent
	 * @param errors the form's binding result, with the faults found so far
	 * @param address the client's network address (only its salted hash is kept)
	 * @return what happened
	 */
	public CommentOutcome add(Post post, CommentForm form, Errors errors, String address) {
		return add(post, form, errors, address, Locale.ENGLISH);
	}

	/**
	 * Checks and stores a comment, as {@link #add(Post, CommentForm, Errors, String)},
	 * with the writer's request to be mailed replies when the form has one (and mail is
	 * on).
	 * @param post the post commented on
	 * @param form what the reader sent
	 * @param errors the form's binding result, with the faults found so far
	 * @param address the client's network address (only its salted hash is kept)
	 * @param locale the language of the page written on
	 * @return what happened
	 */
	public CommentOutcome add(Post post, CommentForm form, Errors errors, String address, Locale locale) {
		if (!post.commentsOpen()) {
			return new CommentOutcome.Closed();
		}
		FormTokens.Check token = this.tokens.check(form.token(), post.slug());
		if (token.verdict() == FormTokens.Verdict.MISSING || token.verdict() == FormTokens.Verdict.FORGED) {
			return new CommentOutcome.Refused("comment.token.invalid");
		}
		String body = Text.clean(form.body());
		String name = Text.clean(form.name()).strip();
		if (body.length() > this.settings.maxLength()) {
			errors.rejectValue("body", "comment.body.long", new Object[] { this.settings.maxLength(), body.length() },
					"Too long");
		}
		Comment parent = (form.parent() != null && !form.parent().isBlank()) ? replyTarget(post, form.parent(), errors)
				: null;
		CommentStored.Follow follow = follow(form, errors, locale);
		if (errors.hasErrors()) {
			return new CommentOutcome.Invalid(null);
		}
		if (token.verdict() == FormTokens.Verdict.EXPIRED) {
			return new CommentOutcome.Invalid("comment.token.expired");
		}
		if (form.website() != null && !form.website().isEmpty()) {
			return new CommentOutcome.Invalid("comment.honeypot");
		}
		// to the microsecond, as the database keeps it
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (Duration.between(token.issuedAt(), now).compareTo(this.settings.minFillTime()) < 0) {
			return new CommentOutcome.Invalid("comment.too-fast");
		}
		String client = this.keys.client(address);
		synchronized (this.locks[Math.floorMod(client.hashCode(), this.locks.length)]) {
			return store(post, name, body, parent, client, now, follow);
		}
	}

	/**
	 * @return the writer's request to be mailed replies, if they ticked the box, typed an
	 * address and mail is on; a fault beside the field if the address is missing or wrong
	 */
	private CommentStored.@Nullable Follow follow(CommentForm form, Errors errors, Locale locale) {
		if (!this.replies.on() || !form.wantsReplies()) {
			return null;
		}
		if (form.email() == null || form.email().isBlank()) {
			errors.rejectValue("email", "comment.email.missing", "Which address?");
			return null;
		}
		String email = MailAddresses.normalized(form.email());
		if (email == null) {
			if (!errors.hasFieldErrors("email")) {
				errors.rejectValue("email", "comment.email.invalid", "Not an address");
			}
			return null;
		}
		return new CommentStored.Follow(email, locale.getLanguage().equals("de") ? "de" : "en");
	}

	private CommentOutcome store(Post post, String name, String body, @Nullable Comment parent, String client,
			Instant now, CommentStored.@Nullable Follow follow) {
		String bodyHash = Hashes.sha256(body);
		Optional<Long> twin = this.repository.recentTwin(client, bodyHash, now.minus(TWIN_WINDOW));
		if (twin.isPresent()) {
			return new CommentOutcome.Duplicate(twin.get());
		}
		Optional<Duration> wait = this.rateLimiter.tryAcquire(client);
		if (wait.isPresent()) {
			return new CommentOutcome.Limited(wait.get());
		}
		String heldReason = heldReason(name, body);
		String deleteKey = Keys.randomToken();
		Long parentId = (parent != null) ? rootOf(parent) : null;
		String html = this.renderer.render(body);
		Comment.Status status = (heldReason != null) ? Comment.Status.PENDING : Comment.Status.PUBLISHED;
		long id;
		try {
			// the post's page follows once the comment is committed (CommentsChanged)
			id = this.writer.insert(new CommentRepository.NewComment(post.slug(), parentId, name, body, html, status,
					heldReason, now, client, bodyHash, Hashes.sha256(deleteKey)), follow);
		}
		catch (RuntimeException ex) {
			logger.error("Could not store a comment on " + post.slug(), ex);
			return new CommentOutcome.Unsaved();
		}
		// one line per comment written: never its text, nor the client's address
		history.atInfo()
			.setMessage(() -> "Comment " + id + " on " + post.slug() + " "
					+ ((heldReason != null) ? "held (" + heldReason + ")" : "published"))
			.addKeyValue("event", "comment.written")
			.addKeyValue("comment", id)
			.addKeyValue("post", post.slug())
			.addKeyValue("status", status.name())
			.addKeyValue("client", client.substring(0, 12))
			.log();
		if (heldReason != null) {
			this.events.publishEvent(
					new CommentHeld(new Comment(id, post.slug(), parentId, name, body, html, status, now), heldReason));
		}
		return new CommentOutcome.Posted(id, heldReason != null, deleteKey, follow != null);
	}

	private @Nullable Comment replyTarget(Post post, String parentId, Errors errors) {
		Optional<Comment> parent = (parentId.strip().matches("\\d{1,18}")
				? this.repository.find(Long.parseLong(parentId.strip())) : Optional.<Comment>empty())
			.filter((comment) -> comment.postSlug().equals(post.slug()))
			.filter((comment) -> comment.status() == Comment.Status.PUBLISHED);
		if (parent.isEmpty()) {
			errors.rejectValue("parent", "comment.parent.unknown", "No such comment");
		}
		return parent.orElse(null);
	}

	private static long rootOf(Comment parent) {
		return (parent.parentId() != null) ? parent.parentId() : parent.id();
	}

	/**
	 * @return why the moderation mode holds a comment with this name and text, or null
	 * when it is shown at once
	 */
	@Nullable String heldReason(String name, String body) {
		return switch (this.mode.current()) {
			case OFF -> null;
			case ALL -> "every comment is held";
			case LINKS -> this.renderer.hasLink(body) ? "holds a link" : null;
			case FIRST -> this.repository.hasPublishedUnder(name) ? null : "first comment under this name";
		};
	}

}
