package blog.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import blog.comment.archive.ArchiveSection;
import blog.comment.archive.ImportException;
import blog.system.MailAddresses;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The readers' mail addresses in the desk's JSON export, under {@code "mail"}, only when
 * the editor asks for them: each address with its language, when it was given and
 * confirmed, what it follows, and which comments its owner wrote. An import of such a
 * file keeps them, with the comments' new numbers.
 */
@Component
class MailArchive implements ArchiveSection {

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	MailArchive(Subscribers subscribers, Subscriptions subscriptions) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
	}

	/**
	 * An address in the export.
	 *
	 * @param email the address
	 * @param language its mails' language
	 * @param createdAt when it was given
	 * @param confirmedAt when it was confirmed, or null
	 * @param follows what it follows
	 * @param wrote the comments its owner wrote (their numbers in the file)
	 */
	record Exported(String email, String language, Instant createdAt, @Nullable Instant confirmedAt,
			List<Followed> follows, List<String> wrote) {
	}

	/**
	 * One thing followed: {@code blog}, {@code post:<slug>}, or the thread of comment
	 * {@code thread} (by the writer of comment {@code origin}).
	 */
	record Followed(String target, @Nullable String thread, @Nullable String origin) {
	}

	@Override
	public String name() {
		return "mail";
	}

	@Override
	public Object export() {
		List<Exported> all = new ArrayList<>();
		for (Subscribers.Subscriber subscriber : this.subscribers.allSubscribers()) {
			List<Followed> follows = this.subscriptions.subscriptions(subscriber.id()).stream().map((subscription) -> {
				if (subscription.target().startsWith("thread:")) {
					return new Followed("thread", subscription.target().substring("thread:".length()),
							(subscription.originCommentId() != null) ? subscription.originCommentId().toString()
									: null);
				}
				return new Followed(subscription.target(), null, null);
			}).toList();
			all.add(new Exported(subscriber.email(), subscriber.language(), subscriber.createdAt(),
					subscriber.confirmedAt(), follows,
					this.subscribers.writtenBy(subscriber.id()).stream().map(String::valueOf).toList()));
		}
		return Map.of("subscribers", all);
	}

	@Override
	public int importFrom(JsonNode value, Map<String, Long> ids) {
		JsonNode subscribers = value.get("subscribers");
		if (subscribers == null || !subscribers.isArray()) {
			throw new ImportException(-1, "\"mail\" must hold a list \"subscribers\"");
		}
		int stored = 0;
		int n = 0;
		for (JsonNode node : subscribers) {
			n++;
			String email = MailAddresses.normalized(text(node, "email"));
			if (email == null) {
				throw new ImportException(-1, "mail subscriber " + n + ": \"email\" is not one mail address");
			}
			String language = "de".equals(text(node, "language")) ? "de" : "en";
			Instant created = time(text(node, "createdAt"), n);
			if (created == null) {
				throw new ImportException(-1, "mail subscriber " + n + ": \"createdAt\" is missing");
			}
			Subscribers.Subscriber subscriber = this.subscribers.imported(email, language, created,
					time(text(node, "confirmedAt"), n));
			for (JsonNode follow : iterable(node.get("follows"))) {
				String target = text(follow, "target");
				if ("blog".equals(target) || (target != null && target.startsWith("post:") && target.length() <= 205)) {
					this.subscriptions.follow(subscriber.id(), target, null, created);
				}
				else if ("thread".equals(target)) {
					Long thread = ids.get(text(follow, "thread"));
					Long origin = ids.get(text(follow, "origin"));
					if (thread != null) {
						this.subscriptions.follow(subscriber.id(), Follows.thread(thread), origin, created);
					}
				}
				else {
					throw new ImportException(-1, "mail subscriber " + n + ": unknown follow '" + target + "'");
				}
			}
			for (JsonNode wrote : iterable(node.get("wrote"))) {
				Long comment = ids.get(wrote.asString());
				if (comment != null) {
					this.subscribers.writtenBy(comment, subscriber.id());
				}
			}
			stored++;
		}
		return stored;
	}

	private static Iterable<JsonNode> iterable(@Nullable JsonNode node) {
		return (node != null && node.isArray()) ? node : List.of();
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull() || !value.isValueNode()) ? null : value.asString();
	}

	private static @Nullable Instant time(@Nullable String text, int n) {
		if (text == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ImportException(-1, "mail subscriber " + n + ": '" + text + "' is not a date and time");
		}
	}

}
