package blog.comment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

import blog.post.Post;
import blog.system.BlogProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.validation.Errors;

/**
 * The rules for writing and deleting comments: the form's token, spam defences, limits,
 * moderation, rendering, and storing. Each outcome tells the controller what the reader
 * sees.
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

	private final BlogProperties.Comments settings;

	private final Clock clock;

	private final ModerationMode mode;

	private final ApplicationEventPublisher events;

	private final SharedVersions shared;

	private final Object[] locks = new Object[64];

	private final ConcurrentMap<String, AtomicLong> versions = new ConcurrentHashMap<>();

	private final ThreadIndex threads = new ThreadIndex();

	CommentService(CommentRepository repository, CommentWriter writer, CommentRenderer renderer, FormTokens tokens,
			Keys keys, CommentRateLimiter rateLimiter, BlogProperties properties, Clock clock, ModerationMode mode,
			ApplicationEventPublisher events, SharedVersions shared) {
		this.repository = repository;
		this.writer = writer;
		this.renderer = renderer;
		this.tokens = tokens;
		this.keys = keys;
		this.rateLimiter = rateLimiter;
		this.settings = properties.comments();
		this.clock = clock;
		this.mode = mode;
		this.events = events;
		this.shared = shared;
		for (int i = 0; i < this.locks.length; i++) {
			this.locks[i] = new Object();
		}
	}

	/**
	 * @param slug the post the form is for
	 * @return a fresh token for its comment form
	 */
	public String formToken(String slug) {
		return this.tokens.issue(slug);
	}

	public int maxLength() {
		return this.settings.maxLength();
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
	public Outcome add(Post post, CommentForm form, Errors errors, String address) {
		if (!post.commentsOpen()) {
			return new Outcome.Closed();
		}
		FormTokens.Check token = this.tokens.check(form.token(), post.slug());
		if (token.verdict() == FormTokens.Verdict.MISSING || token.verdict() == FormTokens.Verdict.FORGED) {
			return new Outcome.Refused("comment.token.invalid");
		}
		String body = clean(form.body());
		String name = clean(form.name()).strip();
		if (body.length() > this.settings.maxLength()) {
			errors.rejectValue("body", "comment.body.long", new Object[] { this.settings.maxLength(), body.length() },
					"Too long");
		}
		Comment parent = (form.parent() != null && !form.parent().isBlank()) ? replyTarget(post, form.parent(), errors)
				: null;
		if (errors.hasErrors()) {
			return new Outcome.Invalid(null);
		}
		if (token.verdict() == FormTokens.Verdict.EXPIRED) {
			return new Outcome.Invalid("comment.token.expired");
		}
		if (form.website() != null && !form.website().isEmpty()) {
			return new Outcome.Invalid("comment.honeypot");
		}
		Instant now = this.clock.instant().truncatedTo(ChronoUnit.MICROS); // as the
																			// database
																			// keeps it
		if (Duration.between(token.issuedAt(), now).compareTo(this.settings.minFillTime()) < 0) {
			return new Outcome.Invalid("comment.too-fast");
		}
		String client = this.keys.client(address);
		String bodyHash = Keys.hash(body);
		synchronized (this.locks[Math.floorMod(client.hashCode(), this.locks.length)]) {
			Optional<Long> twin = this.repository.recentTwin(client, bodyHash, now.minus(TWIN_WINDOW));
			if (twin.isPresent()) {
				return new Outcome.Duplicate(twin.get());
			}
			Optional<Duration> wait = this.rateLimiter.tryAcquire(client);
			if (wait.isPresent()) {
				return new Outcome.Limited(wait.get());
			}
			String heldReason = heldReason(name, body);
			String deleteKey = Keys.randomToken();
			Long parentId = (parent != null) ? rootOf(parent) : null;
			String html = this.renderer.render(body);
			long id;
			try {
				id = this.writer.insert(new CommentRepository.NewComment(post.slug(), parentId, name, body, html,
						(heldReason != null) ? Comment.Status.PENDING : Comment.Status.PUBLISHED, heldReason, now,
						client, bodyHash, Keys.hash(deleteKey)));
			}
			catch (RuntimeException ex) {
				logger.error("Could not store a comment on " + post.slug(), ex);
				return new Outcome.Unsaved();
			}
			boolean newThread = heldReason == null && parent == null;
			// the writer moved the post's version for the other instances in the same
			// commit
			this.threads.added(post.slug(), newThread ? new ThreadIndex.Head(now, id) : null,
					() -> changedHere(post.slug()));
			// one line per comment written: never its text, nor the client's address
			history.atInfo()
				.setMessage(() -> "Comment " + id + " on " + post.slug() + " "
						+ ((heldReason != null) ? "held (" + heldReason + ")" : "published"))
				.addKeyValue("event", "comment.written")
				.addKeyValue("comment", id)
				.addKeyValue("post", post.slug())
				.addKeyValue("status", (heldReason != null) ? "PENDING" : "PUBLISHED")
				.addKeyValue("client", client.substring(0, 12))
				.log();
			if (heldReason != null) {
				this.events.publishEvent(new CommentHeld(
						new Comment(id, post.slug(), parentId, name, body, html, Comment.Status.PENDING, now),
						heldReason));
			}
			return new Outcome.Posted(id, heldReason != null, deleteKey);
		}
	}

	/**
	 * @return whether the key is the comment's private delete key
	 */
	public boolean deleteKeyMatches(long id, @Nullable String key) {
		return key != null && !key.isBlank() && this.repository.deleteTokenMatches(id, Keys.hash(key));
	}

	/**
	 * Shows the private delete link once: the first time the writer's page asks for it.
	 * @return whether the link may be shown now (the update that claims it is atomic on
	 * its own)
	 */
	public boolean claimDeleteLink(long id, @Nullable String key) {
		return deleteKeyMatches(id, key) && this.repository.markDeleteLinkShown(id);
	}

	/**
	 * Deletes a comment by its private key. A deleted comment with replies stays as a
	 * placeholder.
	 * @return the comment, if the key was its own
	 */
	public Optional<Comment> delete(long id, @Nullable String key) {
		if (!deleteKeyMatches(id, key)) {
			return Optional.empty();
		}
		this.repository.markDeleted(id, this.clock.instant());
		history.atInfo()
			.setMessage(() -> "Comment " + id + " deleted by its writer")
			.addKeyValue("event", "comment.deleted")
			.addKeyValue("comment", id)
			.log();
		Optional<Comment> deleted = this.repository.find(id);
		deleted.ifPresent((comment) -> changed(comment.postSlug()));
		return deleted;
	}

	/**
	 * @param slug a post
	 * @return a number that changes, once the change is committed, whenever what readers
	 * see of the post's comments may have changed
	 */
	public long version(String slug) {
		return this.versions.computeIfAbsent(slug, (key) -> new AtomicLong()).get();
	}

	/**
	 * Tells the pages kept in memory that a post's comments changed in the database by
	 * another way than this service (a restore, a test's fixture).
	 * @param slug the post
	 * @return the post's new version
	 */
	public long changed(String slug) {
		long version = changedHere(slug);
		this.shared.moved(slug);
		return version;
	}

	/**
	 * Another instance changed a post's comments: its page here is rendered anew.
	 */
	@EventListener
	void changedElsewhere(SharedVersions.ChangedElsewhere change) {
		changedHere(change.slug());
	}

	private long changedHere(String slug) {
		return this.versions.computeIfAbsent(slug, (key) -> new AtomicLong()).incrementAndGet();
	}

	/**
	 * @param slug a post, or {@code null} for every post
	 * @param limit the most to return
	 * @return the latest published comments, newest first
	 */
	public List<Comment> latestPublished(@Nullable String slug, int limit) {
		return this.repository.latestPublished(slug, limit);
	}

	/**
	 * Finds the comment an old Blogger link ({@code ?showComment=} its time in
	 * milliseconds) points to.
	 * @param post the post
	 * @param epochMilli when the comment was written
	 * @return it, if a comment readers see was written on the post in that millisecond
	 */
	public Optional<Comment> writtenAt(Post post, long epochMilli) {
		Instant at = Instant.ofEpochMilli(epochMilli);
		return this.repository.writtenAt(post.slug(), at, at.plusMillis(1));
	}

	public Optional<Comment> find(long id) {
		return this.repository.find(id);
	}

	/**
	 * @param post the post
	 * @param page which page of top-level comments, from 1
	 * @return that page of the post's published thread
	 */
	public CommentThread thread(Post post, int page) {
		return CommentThread.of(this.repository.publishedAndDeleted(post.slug()), page);
	}

	/**
	 * @param post the post
	 * @param id one of its comments
	 * @return the page of comments that shows it, 1 if none does (held, or deleted
	 * without replies)
	 */
	public int pageOf(Post post, long id) {
		Optional<Comment> comment = this.repository.find(id).filter((found) -> found.postSlug().equals(post.slug()));
		Optional<Comment> head = comment
			.flatMap((found) -> (found.parentId() != null) ? this.repository.find(found.parentId()) : comment);
		if (head.isEmpty() || !shown(head.get())) {
			return 1;
		}
		int before = this.threads.before(post.slug(), version(post.slug()), head.get().createdAt(), head.get().id(),
				() -> this.repository.shownHeads(post.slug()));
		return before / CommentThread.PER_PAGE + 1;
	}

	/**
	 * @param post the post
	 * @param id one of its comments
	 * @return the comment's place: the address of its page of comments, with its anchor
	 */
	public String placeOf(Post post, long id) {
		int page = pageOf(post, id);
		return post.permalink() + ((page > 1) ? "?page=" + page : "") + "#comment-" + id;
	}

	private boolean shown(Comment head) {
		return head.status() == Comment.Status.PUBLISHED
				|| (head.status() == Comment.Status.DELETED && this.repository.hasPublishedReplies(head.id()));
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

	private @Nullable String heldReason(String name, String body) {
		return switch (this.mode.current()) {
			case OFF -> null;
			case ALL -> "every comment is held";
			case LINKS -> this.renderer.hasLink(body) ? "holds a link" : null;
			case FIRST -> this.repository.hasPublishedUnder(name) ? null : "first comment under this name";
		};
	}

	/**
	 * @return the text with line breaks made uniform and NUL characters replaced as HTML
	 * parsers replace them (PostgreSQL cannot store them)
	 */
	static String clean(@Nullable String text) {
		return (text != null) ? text.replace("\r\n", "\n").replace('\r', '\n').replace('\0', '\uFFFD') : "";
	}

	/**
	 * What became of a comment sent.
	 */
	public sealed interface Outcome {

		/** stored; {@code held} when it waits for the editor */
		record Posted(long id, boolean held, String deleteKey) implements Outcome {
		}

		/**
		 * the same text from the same client within a minute: stored once, under this id
		 */
		record Duplicate(long id) implements Outcome {
		}

		/** not stored; the form comes back with the fields' faults, or this message */
		record Invalid(@Nullable String message) implements Outcome {
		}

		/** not stored: the form's token is missing or not ours */
		record Refused(String message) implements Outcome {
		}

		/** not stored: too many comments from this client */
		record Limited(Duration retryAfter) implements Outcome {
		}

		/** not stored: the post takes no comments */
		record Closed() implements Outcome {
		}

		/** not stored: the database failed; the form comes back with the text */
		record Unsaved() implements Outcome {
		}

	}

}
