package blog.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import blog.system.OutgoingMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: one mail at a time, each claimed in a transaction of its own (a row
 * another instance has claimed is skipped), sent, then marked sent. A mail server that is
 * away or answers "try later" gets the mail again later, each wait twice the last (from
 * {@code blog.mail.retry}, at most an hour), until {@code blog.mail.give-up-after}; one
 * that refuses it for good (a 5xx answer) marks it failed, with its answer, for the desk.
 * A process that stops between sending and marking leaves its mail {@code SENDING}: five
 * minutes later it is marked {@code UNSURE}, never sent again by itself (so nobody gets a
 * notification twice), and the desk can send it again. Wakes when a mail is queued, and
 * every two seconds.
 */
@Component
class Postman implements DisposableBean {

	private static final Log logger = LogFactory.getLog(Postman.class);

	/**
	 * a mail claimed this long ago and never marked was being sent when its sender
	 * stopped
	 */
	static final Duration CLAIM_LIFETIME = Duration.ofMinutes(5);

	/** how long the outbox keeps mails sent, failed or cancelled, for the desk */
	static final Duration HISTORY = Duration.ofDays(30);

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	private final Subscribers subscribers;

	private final Outbox outbox;

	private final Letters letters;

	private final OutgoingMail mail;

	private final TransactionTemplate transactions;

	private final ReaderMailProperties settings;

	private final Clock clock;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean stopping;

	private @Nullable Thread thread;

	private Instant nextSweep = Instant.EPOCH;

	Postman(Subscribers subscribers, Outbox outbox, Letters letters, OutgoingMail mail,
			TransactionTemplate transactions, ReaderMailProperties settings, Clock clock) {
		this.subscribers = subscribers;
		this.outbox = outbox;
		this.letters = letters;
		this.mail = mail;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (!this.mail.on() || this.thread != null) {
			return;
		}
		Thread postman = new Thread(this::run, "mail-outbox");
		postman.setDaemon(true);
		this.thread = postman;
		postman.start();
	}

	/** a mail was queued: send it now, not at the next round */
	void wake() {
		this.wake.release();
	}

	private void run() {
		while (!this.stopping) {
			try {
				sweep();
				while (!this.stopping && sendNext()) {
					this.wake.drainPermits();
				}
				this.wake.tryAcquire(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// the database away: the next round tries again
				logger.warn("Mail outbox: " + Redacted.of(String.valueOf(ex.getMessage())));
				sleep();
			}
		}
	}

	/**
	 * Sends the next mail due, if any.
	 * @return whether there was one
	 */
	boolean sendNext() {
		Optional<Outbox.Mail> claimed = this.transactions.execute((status) -> this.outbox.claimNext(now()));
		if (claimed == null || claimed.isEmpty()) {
			return false;
		}
		Outbox.Mail mail = claimed.get();
		Optional<MimeMessage> message;
		try {
			message = this.letters.write(mail, this.mail.sender());
		}
		catch (MessagingException | RuntimeException ex) {
			// its message, not its stack: a mail library's fault may quote the address
			logger.error("Mail " + mail.id() + " (" + mail.kind() + ") could not be written: " + ex.getClass().getName()
					+ ": " + Redacted.of(String.valueOf(ex.getMessage())));
			this.outbox.end(mail.id(), Outbox.Status.FAILED, "could not be written: " + ex.getClass().getName());
			return true;
		}
		if (message.isEmpty()) {
			// its comment is no longer shown, or its post gone
			this.outbox.end(mail.id(), Outbox.Status.CANCELLED, null);
			return true;
		}
		try {
			this.mail.sender().send(message.get());
			this.outbox.sent(mail.id(), now());
		}
		catch (MailException ex) {
			failed(mail, ex);
		}
		return true;
	}

	private void failed(Outbox.Mail mail, MailException ex) {
		ServerAnswer reply = ServerAnswer.of(ex);
		String answer = Redacted.of(reply.text());
		Integer code = reply.code();
		Instant now = now();
		if (code != null && code >= 500) {
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") refused by the mail server: " + answer);
			this.outbox.end(mail.id(), Outbox.Status.FAILED, answer);
			return;
		}
		if (!mail.createdAt().plus(this.settings.giveUpAfter()).isAfter(now)) {
			logger.warn("Mail " + mail.id() + " (" + mail.kind() + ") given up after " + mail.attempts() + " attempts: "
					+ answer);
			this.outbox.end(mail.id(), Outbox.Status.FAILED,
					"given up after " + mail.attempts() + " attempts: " + answer);
			return;
		}
		Duration wait = this.settings.retry().multipliedBy(1L << Math.min(mail.attempts() - 1, 12));
		if (wait.compareTo(LONGEST_WAIT) > 0) {
			wait = LONGEST_WAIT;
		}
		logger.info("Mail " + mail.id() + " (" + mail.kind() + ") not sent, attempt " + mail.attempts() + "; again in "
				+ wait.toSeconds() + " s: " + answer);
		this.outbox.retry(mail.id(), now.plus(wait), answer);
	}

	/**
	 * marks mails whose sender stopped mid-send, and clears old history: once a minute
	 */
	private void sweep() {
		Instant now = now();
		if (now.isBefore(this.nextSweep)) {
			return;
		}
		this.nextSweep = now.plus(Duration.ofMinutes(1));
		int unsure = this.outbox.markUnsure(now.minus(CLAIM_LIFETIME));
		if (unsure > 0) {
			logger.warn(unsure + " mail(s) were being sent when the blog stopped: marked unsure, not sent again"
					+ " (the desk can resend them)");
		}
		this.subscribers.purgeUnconfirmed(now.minus(MailLinks.CONFIRMATION_LIFETIME));
		this.outbox.purgeOutbox(now.minus(HISTORY));
	}

	private void sleep() {
		try {
			Thread.sleep(2000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	@Override
	public void destroy() throws InterruptedException {
		this.stopping = true;
		Thread postman = this.thread;
		if (postman != null) {
			this.wake.release();
			postman.join(TimeUnit.SECONDS.toMillis(20));
		}
	}

}
