package blog.comment.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
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

import blog.comment.Comment;
import blog.comment.CommentRenderer;
import blog.comment.CommentRepository;
import blog.comment.CommentsChanged;
import blog.post.PostCatalog;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All comments out as one JSON file, and in again from that file or from a Blogger
 * export. An import is one transaction: a file with a fault imports nothing, and says
 * where the fault is. Importing the same file twice adds nothing: a comment already here
 * (the same origin, or the same post, time, name and text) is not added again.
 */
@Service
public class CommentArchive {

	/** what the JSON file says it is */
	public static final String FORMAT = JsonArchive.FORMAT;

	private final CommentRepository repository;

	private final CommentRenderer renderer;

	private final PostCatalog catalog;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final JsonArchive json = new JsonArchive();

	private final ObjectProvider<ArchiveSection> sections;

	CommentArchive(CommentRepository repository, CommentRenderer renderer, PostCatalog catalog,
			TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock,
			ObjectProvider<ArchiveSection> sections) {
		this.sections = sections;
		this.repository = repository;
		this.renderer = renderer;
		this.catalog = catalog;
		this.transactions = transactions;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Writes every comment, whatever its status, oldest first, as one JSON document.
	 * @param out where to
	 * @return how many comments were written
	 * @throws IOException when the stream fails
	 */
	public int export(OutputStream out) throws IOException {
		return export(out, false);
	}

	/**
	 * Writes every comment, as {@link #export(OutputStream)}, and, when asked, the other
	 * parts of the blog's data ({@link ArchiveSection}: the readers' mail addresses).
	 * @param out where to
	 * @param withSections whether to write the other parts
	 * @return how many comments were written
	 * @throws IOException when the stream fails
	 */
	public int export(OutputStream out, boolean withSections) throws IOException {
		List<CommentRepository.Stored> all = this.repository.all();
		Map<String, Object> more = new LinkedHashMap<>();
		if (withSections) {
			this.sections.orderedStream().forEach((section) -> more.put(section.name(), section.export()));
		}
		this.json.write(out, all, this.clock.instant(), more);
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
			// a UTF-8 byte order mark
			at = 3;
		}
		while (at < file.length && Character.isWhitespace(file[at])) {
			at++;
		}
		if (at == file.length) {
			throw new ImportException(-1, "the file is empty");
		}
		if (file[at] == '<') {
			return store(new BloggerComments(this.catalog).read(BloggerExport.read(file)));
		}
		if (file[at] == '{') {
			return store(this.json.read(file));
		}
		throw new ImportException(1, "this is neither this blog's JSON export nor a Blogger export (Atom XML)");
	}

	/** the origin as stored: at most 200 characters */
	static @Nullable String origin(@Nullable String origin, int line) {
		if (origin != null && origin.length() > 200) {
			throw new ImportException(line, "a comment's origin is longer than 200 characters");
		}
		return origin;
	}

	/**
	 * Stores what was read, in one transaction: threads before their replies, each reply
	 * under its thread's first comment (this blog threads one level deep).
	 */
	private Result store(ImportedComment.Read read) {
		Map<String, ImportedComment> byKey = new LinkedHashMap<>();
		for (ImportedComment comment : read.comments()) {
			if (byKey.putIfAbsent(comment.key(), comment) != null) {
				throw new ImportException(comment.line(), "comment " + comment.key() + " is in the file twice");
			}
		}
		List<ImportedComment> ordered = new ArrayList<>();
		List<ImportedComment> replies = new ArrayList<>();
		for (ImportedComment comment : read.comments()) {
			(root(comment, byKey) == comment ? ordered : replies).add(comment);
		}
		ordered.addAll(replies);
		Result result = this.transactions.execute((status) -> {
			Map<String, Long> ids = new HashMap<>();
			Set<String> posts = new LinkedHashSet<>();
			int added = 0;
			int already = 0;
			for (ImportedComment comment : ordered) {
				ImportedComment root = root(comment, byKey);
				Long parent = null;
				if (root != comment) {
					if (!root.post().equals(comment.post())) {
						throw new ImportException(comment.line(), "comment " + comment.key() + " replies to comment "
								+ root.key() + ", which is on another post");
					}
					parent = ids.get(root.key());
				}
				Optional<Long> existing = existing(comment);
				if (existing.isPresent()) {
					ids.put(comment.key(), existing.get());
					already++;
					continue;
				}
				ids.put(comment.key(), insert(comment, parent));
				posts.add(comment.post());
				added++;
			}
			int more = 0;
			for (ArchiveSection section : this.sections.orderedStream().toList()) {
				JsonNode value = read.sections().get(section.name());
				if (value != null) {
					more += section.importFrom(value, ids);
				}
			}
			posts.forEach((post) -> this.events.publishEvent(CommentsChanged.any(post)));
			return new Result(added, already, read.notHere(), read.notHerePaths(), read.left(), more);
		});
		if (result == null) {
			throw new IllegalStateException("The import's transaction gave no result");
		}
		return result;
	}

	/**
	 * @return the first comment of the comment's thread in the file: itself, when it
	 * replies to nothing the file holds
	 */
	private static ImportedComment root(ImportedComment comment, Map<String, ImportedComment> byKey) {
		ImportedComment root = comment;
		Set<String> seen = new HashSet<>();
		while (root.parent() != null && byKey.containsKey(root.parent()) && seen.add(root.key())) {
			root = byKey.get(root.parent());
		}
		if (root.parent() != null && byKey.containsKey(root.parent())) {
			throw new ImportException(comment.line(), "comment " + comment.key() + " replies in a circle");
		}
		return root;
	}

	private Optional<Long> existing(ImportedComment comment) {
		if (comment.origin() != null) {
			Optional<Long> same = this.repository.idByOrigin(comment.origin());
			if (same.isPresent()) {
				return same;
			}
		}
		return this.repository.idOfSame(comment.post(), comment.createdAt().truncatedTo(ChronoUnit.MICROS),
				comment.name(), comment.text());
	}

	private long insert(ImportedComment comment, @Nullable Long parent) {
		String html = (comment.html() != null) ? this.renderer.sanitize(comment.html())
				: this.renderer.render(comment.text());
		Comment stored = new Comment(0, comment.post(), parent, comment.name(), comment.text(), html, comment.status(),
				comment.createdAt().truncatedTo(ChronoUnit.MICROS));
		return this.repository
			.insertImported(new CommentRepository.Stored(new CommentRepository.DeskRow(stored, comment.heldReason(),
					comment.statusChangedAt(), comment.statusBefore(), 0), comment.origin(), comment.deleteKeyHash()));
	}

	/**
	 * What an import did.
	 *
	 * @param added comments added
	 * @param alreadyHere comments in the file that were already here
	 * @param notHere comments on posts this blog does not have, left out
	 * @param notHerePaths the addresses of those posts
	 * @param left comments the file marks as deleted or spam, left out
	 * @param more items of the file's other parts stored (readers' mail addresses)
	 */
	public record Result(int added, int alreadyHere, int notHere, Set<String> notHerePaths, int left, int more) {
	}

}
