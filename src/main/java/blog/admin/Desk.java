package blog.admin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import blog.comment.Comment;
import blog.comment.CommentProperties;
import blog.comment.ModerationMode;
import blog.comment.archive.CommentArchive;
import blog.comment.archive.ImportException;
import blog.comment.moderation.Moderation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editor's actions, each one transaction with its audit row; the posts whose comments
 * changed follow once it committed (each change publishes its event).
 */
@Service
class Desk {

	private static final Log logger = LogFactory.getLog(Desk.class);

	/** how long spam and deleted comments stay restorable */
	static final Duration KEPT = Duration.ofDays(30);

	private final Moderation moderation;

	private final ModerationMode mode;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final CommentArchive archive;

	private final Backups backups;

	Desk(Moderation moderation, ModerationMode mode, AuditLog audit, TransactionTemplate transactions, Clock clock,
			CommentArchive archive, Backups backups) {
		this.moderation = moderation;
		this.mode = mode;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.archive = archive;
		this.backups = backups;
	}

	/**
	 * @param editor who acts
	 * @param action what to do
	 * @param ids to which comments
	 * @return the changes made
	 */
	List<Moderation.Change> apply(String editor, Moderation.Action action, Collection<Long> ids) {
		List<Moderation.Change> changed = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<Moderation.Change> changes = new ArrayList<>();
			for (long id : new LinkedHashSet<>(ids)) {
				Optional<Moderation.Change> change = this.moderation.apply(id, action, now);
				if (change.isPresent()) {
					Comment comment = change.get().before();
					String what = (comment.status() == change.get().to())
							? "kept " + comment.status().name() + ", reports answered"
							: comment.status().name() + " → " + change.get().to().name();
					this.audit.record(now, editor, action.name().toLowerCase(Locale.ROOT), id,
							what + " on " + comment.postSlug());
					changes.add(change.get());
				}
			}
			return changes;
		});
		return (changed != null) ? changed : List.of();
	}

	/**
	 * Keeps the editor's moderation mode.
	 */
	void chooseMode(String editor, CommentProperties.Moderation chosen) {
		this.transactions.executeWithoutResult((status) -> {
			CommentProperties.Moderation before = this.mode.current();
			this.mode.choose(chosen);
			this.audit.record(this.clock.instant(), editor, "mode", null, before.name() + " → " + chosen.name());
		});
	}

	/**
	 * Writes every comment as JSON (with the readers' mail addresses, when asked), and
	 * notes who took them.
	 */
	void export(String editor, OutputStream out, boolean withAddresses) throws IOException {
		int count = this.archive.export(out, withAddresses);
		this.audit.record(this.clock.instant(), editor, "export", null,
				count + " comments as JSON" + (withAddresses ? ", with readers' mail addresses" : ""));
	}

	/**
	 * Imports a file (nothing of it when it has a fault), and notes what it did.
	 * @throws ImportException when the file has a fault
	 */
	CommentArchive.Result importFile(String editor, String name, byte[] file) {
		CommentArchive.Result result = this.archive.importFile(file);
		this.audit.record(this.clock.instant(), editor, "import", null,
				abbreviated(name) + ": " + result.added() + " added, " + result.alreadyHere() + " already here, "
						+ result.notHere() + " on other posts, " + result.left() + " deleted or spam");
		return result;
	}

	/**
	 * Backs the database up now, and notes who did.
	 */
	Path backUp(String editor) throws IOException {
		Path backup = this.backups.backUp();
		this.audit.record(this.clock.instant(), editor, "backup", null, backup.getFileName().toString());
		return backup;
	}

	private static String abbreviated(String name) {
		String line = name.replaceAll("[\\p{Cntrl}]", " ");
		return (line.length() > 100) ? line.substring(0, 100) + "…" : line;
	}

	void loggedIn(String editor) {
		this.audit.record(this.clock.instant(), editor, "login", null, null);
	}

	void lockedOut(String username, String why) {
		this.audit.record(this.clock.instant(), "(login)", "lock-out", null, why + " for user '" + username + "'");
	}

	List<AuditLog.Event> auditTrail(int limit) {
		return this.audit.latest(limit);
	}

	/**
	 * Once a day: spam and deleted comments older than {@link #KEPT} go for good.
	 */
	@Scheduled(cron = "${blog.admin.purge-cron:0 30 3 * * *}")
	void purge() {
		Integer purged = this.transactions.execute((status) -> {
			Instant now = this.clock.instant();
			List<Comment> gone = this.moderation.purge(now.minus(KEPT));
			for (Comment comment : gone) {
				this.audit.record(now, "(daily purge)", "purge", comment.id(),
						comment.status().name() + " for over " + KEPT.toDays() + " days, on " + comment.postSlug());
			}
			return gone.size();
		});
		if (purged != null && purged > 0) {
			logger.info("Purged " + purged + " spam or deleted comments older than " + KEPT.toDays() + " days");
		}
	}

}
