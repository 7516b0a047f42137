package blog.comment;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import blog.post.Post;
import blog.post.PostCatalog;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * All comments out as one JSON file, and in again from that file or from a Blogger
 * export. An import is one transaction: a file with a fault imports nothing, and says
 * where the fault is. Importing the same file twice adds nothing: a comment already here
 * (the same origin, or the same post, time, name and text) is not added again.
 */
@Service
public class CommentArchive {

	/** what the JSON file says it is */
	public static final String FORMAT = "opinion-blog comments";

	private static final int NAME_MAX = 80;

	private static final int TEXT_MAX = 20_000;

	private final JdbcClient jdbc;

	private final CommentRenderer renderer;

	private final CommentService comments;

	private final PostCatalog catalog;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	CommentArchive(JdbcClient jdbc, CommentRenderer renderer, CommentService comments, PostCatalog catalog,
			TransactionTemplate transactions, Clock clock) {
		this.jdbc = jdbc;
		this.renderer = renderer;
		this.comments = comments;
		this.catalog = catalog;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Writes every comment, whatever its status, oldest first, as one JSON document.
	 * @param out where to
	 * @return how many comments were written
	 * @throws IOException when the stream fails
	 */
	public int export(OutputStream out) throws IOException {
		List<Archived> all = this.jdbc.sql("""
				select id, post_slug, parent_id, author_name, body_markdown, body_html, status, held_reason, created_at,
				  status_changed_at, status_before, origin, delete_token_hash
				from comment order by id""").query((row, number) -> {
			long parent = row.getLong("parent_id");
			Long parentId = row.wasNull() ? null : parent;
			return new Archived(row.getLong("id"), row.getString("post_slug"), parentId, row.getString("author_name"),
					row.getString("body_markdown"), row.getString("body_html"), row.getString("status"),
					row.getString("held_reason"), instant(row.getObject("created_at", OffsetDateTime.class)),
					instant(row.getObject("status_changed_at", OffsetDateTime.class)), row.getString("status_before"),
					row.getString("origin"), row.getString("delete_token_hash"));
		}).list();
		try {
			this.json.writeValue(out, new ArchiveFile(FORMAT, 1, this.clock.instant(), all));
		}
		catch (JacksonException ex) {
			throw new IOException("Could not write the export", ex);
		}
		return all.size();
	}

	/**
	 * Imports a file: this blog's JSON export, or a Blogger export (Atom XML), told apart
	 * by their first character.
	 * @param file the file's bytes
	 * @return what was imported
	 * @throws ImportException when the file has a fault; then nothing was imported
	 */
	public Result importFile(byte[] file) {
		int at = 0;
		if (file.length >= 3 && (file[0] & 0xff) == 0xef && (file[1] & 0xff) == 0xbb && (file[2] & 0xff) == 0xbf) {
			at = 3; // a UTF-8 byte order mark
		}
		while (at < file.length && Character.isWhitespace(file[at])) {
			at++;
		}
		if (at == file.length) {
			throw new ImportException(-1, "the file is empty");
		}
		if (file[at] == '<') {
			return store(fromBlogger(BloggerExport.read(file)));
		}
		if (file[at] == '{') {
			return store(fromJson(file));
		}
		throw new ImportException(1, "this is neither this blog's JSON export nor a Blogger export (Atom XML)");
	}

	private Incoming fromBlogger(BloggerExport.Contents contents) {
		Map<String, Post> byPath = new HashMap<>();
		for (Post post : this.catalog.posts()) {
			byPath.put(post.permalink(), post);
			if (post.original() != null && post.original().getPath() != null) {
				byPath.put(post.original().getPath(), post);
			}
		}
		List<Item> items = new ArrayList<>();
		Set<String> notHere = new TreeSet<>();
		int notHereCount = 0;
		int left = 0;
		for (BloggerExport.Entry entry : contents.comments()) {
			if (!entry.live) {
				left++;
				continue;
			}
			String address = (entry.post != null && contents.posts().containsKey(entry.post))
					? contents.posts().get(entry.post) : entry.postAddress;
			String path = BloggerExport.path(address);
			Post post = (path != null) ? byPath.get(path) : null;
			if (post == null) {
				notHere.add((path != null) ? path : "a post the file does not name");
				notHereCount++;
				continue;
			}
			if (entry.id == null || entry.tag == null) {
				throw new ImportException(entry.line, "a comment has no <id>");
			}
			String html = (entry.html != null) ? entry.html : "";
			String name = (entry.author != null && !entry.author.isBlank()) ? entry.author : "Anonymous";
			items.add(new Item(entry.line, entry.id, entry.parent, post.slug(), shortened(name), plainText(html), html,
					Comment.Status.PUBLISHED, null, entry.publishedAt(), null, null,
					origin("blogger:" + entry.tag, entry.line), null));
		}
		return new Incoming(items, notHereCount, notHere, left);
	}

	private Incoming fromJson(byte[] file) {
		List<Item> items = new ArrayList<>();
		try (JsonParser parser = this.json.createParser(file)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				throw new ImportException(1, "the JSON file must be one object");
			}
			String format = null;
			boolean sawComments = false;
			while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if ("format".equals(field)) {
					format = parser.getValueAsString();
				}
				else if ("comments".equals(field)) {
					if (!FORMAT.equals(format)) {
						throw new ImportException(line(parser),
								"this JSON file is not this blog's export: its \"format\" must come first and be \""
										+ FORMAT + "\"");
					}
					if (value != JsonToken.START_ARRAY) {
						throw new ImportException(line(parser), "\"comments\" must be a list");
					}
					sawComments = true;
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						int line = line(parser);
						JsonNode node = parser.readValueAsTree();
						items.add(item(node, line));
					}
				}
				else {
					parser.skipChildren();
				}
			}
			if (!sawComments) {
				throw new ImportException(-1, "this JSON file is not this blog's export: it has no \"comments\"");
			}
		}
		catch (JacksonException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNr() : -1;
			throw new ImportException(line, "the file is not well-formed JSON: " + ex.getOriginalMessage());
		}
		return new Incoming(items, 0, Set.of(), 0);
	}

	/** the origin as stored: at most 200 characters */
	private static @Nullable String origin(@Nullable String origin, int line) {
		if (origin != null && origin.length() > 200) {
			throw new ImportException(line, "a comment's origin is longer than 200 characters");
		}
		return origin;
	}

	private Item item(JsonNode node, int line) {
		String id = text(node, "id", line, true);
		String post = text(node, "post", line, true);
		if (post.length() > 200) {
			throw new ImportException(line, "comment " + id + ": the post's name is longer than 200 characters");
		}
		String name = text(node, "name", line, true).strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw new ImportException(line, "comment " + id + ": the name must be 1 to 80 characters");
		}
		String text = CommentService.clean(text(node, "text", line, true));
		if (text.length() > TEXT_MAX) {
			throw new ImportException(line, "comment " + id + ": the text is longer than 20,000 characters");
		}
		String html = text(node, "html", line, false);
		Comment.Status status = status(text(node, "status", line, true), line, id);
		String statusBefore = text(node, "statusBefore", line, false);
		String deleteKeyHash = text(node, "deleteKeyHash", line, false);
		if (deleteKeyHash != null && !deleteKeyHash.matches("[0-9a-f]{64}|import")) {
			throw new ImportException(line, "comment " + id + ": \"deleteKeyHash\" is not a SHA-256 in hex");
		}
		return new Item(line, id, text(node, "parent", line, false), post, name, text,
				(html != null && !html.isBlank()) ? html : null, status, text(node, "heldReason", line, false),
				time(text(node, "createdAt", line, true), line, id), optionalTime(node, "statusChangedAt", line, id),
				(statusBefore != null) ? status(statusBefore, line, id) : null,
				origin(text(node, "origin", line, false), line), deleteKeyHash);
	}

	private static Comment.Status status(String status, int line, String id) {
		try {
			return Comment.Status.valueOf(status);
		}
		catch (IllegalArgumentException ex) {
			throw new ImportException(line,
					"comment " + id + ": unknown status '" + status + "' (PUBLISHED, PENDING, SPAM or DELETED)");
		}
	}

	private static @Nullable Instant optionalTime(JsonNode node, String field, int line, String id) {
		String value = text(node, field, line, false);
		return (value != null) ? time(value, line, id) : null;
	}

	private static Instant time(String value, int line, String id) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new ImportException(line, "comment " + id + ": '" + value + "' is not a date and time");
		}
	}

	@SuppressWarnings("NullAway")
	private static String text(JsonNode node, String field, int line, boolean required) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			if (required) {
				throw new ImportException(line, "a comment has no \"" + field + "\"");
			}
			return null;
		}
		if (!value.isValueNode()) {
			throw new ImportException(line, "a comment's \"" + field + "\" must be text");
		}
		return value.asString();
	}

	private static int line(JsonParser parser) {
		return parser.currentTokenLocation().getLineNr();
	}

	/**
	 * Stores what was read, in one transaction: threads before their replies, each reply
	 * under its thread's first comment (this blog threads one level deep).
	 */
	private Result store(Incoming incoming) {
		Map<String, Item> byKey = new LinkedHashMap<>();
		for (Item item : incoming.items()) {
			if (byKey.putIfAbsent(item.key(), item) != null) {
				throw new ImportException(item.line(), "comment " + item.key() + " is in the file twice");
			}
		}
		List<Item> ordered = new ArrayList<>();
		List<Item> replies = new ArrayList<>();
		for (Item item : incoming.items()) {
			(root(item, byKey) == item ? ordered : replies).add(item);
		}
		ordered.addAll(replies);
		Set<String> posts = new LinkedHashSet<>();
		Result result = this.transactions.execute((status) -> {
			Map<String, Long> ids = new HashMap<>();
			int added = 0;
			int already = 0;
			for (Item item : ordered) {
				Item root = root(item, byKey);
				Long parent = null;
				if (root != item) {
					if (!root.post().equals(item.post())) {
						throw new ImportException(item.line(), "comment " + item.key() + " replies to comment "
								+ root.key() + ", which is on another post");
					}
					parent = ids.get(root.key());
				}
				Optional<Long> existing = existing(item);
				if (existing.isPresent()) {
					ids.put(item.key(), existing.get());
					already++;
					continue;
				}
				ids.put(item.key(), insert(item, parent));
				posts.add(item.post());
				added++;
			}
			return new Result(added, already, incoming.notHere(), incoming.notHerePaths(), incoming.left());
		});
		posts.forEach(this.comments::changed);
		if (result == null) {
			throw new IllegalStateException("The import's transaction gave no result");
		}
		return result;
	}

	/**
	 * @return the first comment of the item's thread in the file: itself, when it replies
	 * to nothing the file holds
	 */
	private static Item root(Item item, Map<String, Item> byKey) {
		Item root = item;
		Set<String> seen = new HashSet<>();
		while (root.parent() != null && byKey.containsKey(root.parent()) && seen.add(root.key())) {
			root = byKey.get(root.parent());
		}
		if (root.parent() != null && byKey.containsKey(root.parent())) {
			throw new ImportException(item.line(), "comment " + item.key() + " replies in a circle");
		}
		return root;
	}

	private Optional<Long> existing(Item item) {
		if (item.origin() != null) {
			Optional<Long> same = this.jdbc.sql("select id from comment where origin = :origin")
				.param("origin", item.origin())
				.query(Long.class)
				.optional();
			if (same.isPresent()) {
				return same;
			}
		}
		return this.jdbc.sql("""
				select id from comment where post_slug = :slug and created_at = :created and author_name = :name
				  and body_hash = :hash order by id limit 1""")
			.param("slug", item.post())
			.param("created", item.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
			.param("name", item.name())
			.param("hash", Keys.hash(item.text()))
			.query(Long.class)
			.optional();
	}

	private long insert(Item item, @Nullable Long parent) {
		String html = (item.html() != null) ? this.renderer.sanitize(item.html()) : this.renderer.render(item.text());
		KeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, held_reason,
				  created_at, client_hash, body_hash, delete_token_hash, status_changed_at, status_before, origin)
				values (:slug, :parent, :name, :text, :html, :status, :reason, :created, 'import', :hash, :deleteKey,
				  :changed, :before, :origin)""")
			.param("slug", item.post())
			.param("parent", parent)
			.param("name", item.name())
			.param("text", item.text())
			.param("html", html)
			.param("status", item.status().name())
			.param("reason", (item.status() == Comment.Status.PENDING) ? item.heldReason() : null)
			.param("created", item.createdAt().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC))
			.param("hash", Keys.hash(item.text()))
			.param("changed", (item.statusChangedAt() != null) ? item.statusChangedAt().atOffset(ZoneOffset.UTC) : null)
			.param("before", (item.statusBefore() != null) ? item.statusBefore().name() : null)
			.param("origin", item.origin())
			.param("deleteKey", (item.deleteKeyHash() != null) ? item.deleteKeyHash() : "import")
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/** a Blogger comment's text, for search and mail: its HTML without tags */
	static String plainText(String html) {
		String text = html.replaceAll("(?i)<br\\s*/?>", "\n")
			.replaceAll("(?i)</p\\s*>", "\n\n")
			.replaceAll("<[^>]*>", "");
		String plain = CommentService.clean(HtmlUtils.htmlUnescape(text)).strip();
		return (plain.length() > TEXT_MAX) ? plain.substring(0, TEXT_MAX) : plain;
	}

	private static String shortened(String name) {
		String line = name.replaceAll("\\s+", " ").strip();
		return (line.length() > NAME_MAX) ? line.substring(0, NAME_MAX - 1) + "…" : line;
	}

	private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
		return (time != null) ? time.toInstant() : null;
	}

	/**
	 * What an import did.
	 *
	 * @param added comments added
	 * @param alreadyHere comments in the file that were already here
	 * @param notHere comments on posts this blog does not have, left out
	 * @param notHerePaths the addresses of those posts
	 * @param left comments the file marks as deleted or spam, left out
	 */
	public record Result(int added, int alreadyHere, int notHere, Set<String> notHerePaths, int left) {
	}

	/** the comments read from a file, and what was left out while reading */
	private record Incoming(List<Item> items, int notHere, Set<String> notHerePaths, int left) {
	}

	/** a comment read from a file; {@code key} and {@code parent} are the file's ids */
	private record Item(int line, String key, @Nullable String parent, String post, String name, String text,
			@Nullable String html, Comment.Status status, @Nullable String heldReason, Instant createdAt,
			@Nullable Instant statusChangedAt, Comment.@Nullable Status statusBefore, @Nullable String origin,
			@Nullable String deleteKeyHash) {
	}

	/** the JSON file */
	record ArchiveFile(String format, int version, Instant exportedAt, List<Archived> comments) {
	}

	/** a comment in the JSON file */
	record Archived(long id, String post, @Nullable Long parent, String name, String text, String html, String status,
			@Nullable String heldReason, Instant createdAt, @Nullable Instant statusChangedAt,
			@Nullable String statusBefore, @Nullable String origin, String deleteKeyHash) {
	}

}
