package blog.comment.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import blog.comment.Comment;
import blog.comment.CommentRepository;
import blog.system.Text;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * This blog's own archive: every comment as one JSON document, with all that is kept of
 * it, written and read back. Read as a stream, so that a fault is named by its line.
 */
final class JsonArchive {

	/** what the JSON file says it is */
	static final String FORMAT = "opinion-blog comments";

	static final int NAME_MAX = 80;

	static final int TEXT_MAX = 20_000;

	private final JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	/**
	 * @param out where to
	 * @param comments the comments, in their order
	 * @param exportedAt when
	 * @throws IOException when the stream fails
	 */
	void write(OutputStream out, List<CommentRepository.Stored> comments, Instant exportedAt) throws IOException {
		write(out, comments, exportedAt, Map.of());
	}

	/**
	 * @param out where to
	 * @param comments the comments, in their order
	 * @param exportedAt when
	 * @param sections more top-level fields, after the comments
	 * @throws IOException when the stream fails
	 */
	void write(OutputStream out, List<CommentRepository.Stored> comments, Instant exportedAt,
			Map<String, Object> sections) throws IOException {
		List<Archived> archived = comments.stream().map(JsonArchive::archived).toList();
		Map<String, Object> file = new LinkedHashMap<>();
		file.put("format", FORMAT);
		file.put("version", 1);
		file.put("exportedAt", exportedAt);
		file.put("comments", archived);
		file.putAll(sections);
		try {
			this.json.writeValue(out, file);
		}
		catch (JacksonException ex) {
			throw new IOException("Could not write the export", ex);
		}
	}

	private static Archived archived(CommentRepository.Stored stored) {
		Comment comment = stored.row().comment();
		return new Archived(comment.id(), comment.postSlug(), comment.parentId(), comment.authorName(),
				comment.bodyMarkdown(), comment.bodyHtml(), comment.status().name(), stored.row().heldReason(),
				comment.createdAt(), stored.row().statusChangedAt(),
				(stored.row().statusBefore() != null) ? stored.row().statusBefore().name() : null, stored.origin(),
				Objects.requireNonNullElse(stored.deleteKeyHash(), "import"));
	}

	/**
	 * @param file a JSON file
	 * @return the comments it holds
	 * @throws ImportException when it is not this blog's export, or has a fault
	 */
	ImportedComment.Read read(byte[] file) {
		List<ImportedComment> comments = new ArrayList<>();
		Map<String, JsonNode> sections = new LinkedHashMap<>();
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
						comments.add(comment(parser.readValueAsTree(), line));
					}
				}
				else if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
					sections.put(field, parser.readValueAsTree());
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
		return new ImportedComment.Read(comments, 0, Set.of(), 0, sections);
	}

	private static ImportedComment comment(JsonNode node, int line) {
		String id = text(node, "id", line, true);
		String post = text(node, "post", line, true);
		if (post.length() > 200) {
			throw new ImportException(line, "comment " + id + ": the post's name is longer than 200 characters");
		}
		String name = Text.clean(text(node, "name", line, true)).strip();
		if (name.isEmpty() || name.length() > NAME_MAX) {
			throw new ImportException(line, "comment " + id + ": the name must be 1 to 80 characters");
		}
		String text = Text.clean(text(node, "text", line, true));
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
		return new ImportedComment(line, id, text(node, "parent", line, false), post, name, text,
				(html != null && !html.isBlank()) ? html : null, status, text(node, "heldReason", line, false),
				time(text(node, "createdAt", line, true), line, id), optionalTime(node, "statusChangedAt", line, id),
				(statusBefore != null) ? status(statusBefore, line, id) : null,
				CommentArchive.origin(text(node, "origin", line, false), line), deleteKeyHash);
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

	/** a comment in the JSON file */
	record Archived(long id, String post, @Nullable Long parent, String name, String text, String html, String status,
			@Nullable String heldReason, Instant createdAt, @Nullable Instant statusChangedAt,
			@Nullable String statusBefore, @Nullable String origin, String deleteKeyHash) {
	}

}
