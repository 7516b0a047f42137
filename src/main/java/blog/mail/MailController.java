package blog.mail;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The links in readers' mails: confirm an address, stop one kind of mail, see and end
 * everything an address gets. Every link opens a page with a button, and only the
 * button's POST acts (mail scanners follow GET links); the unsubscribe address also takes
 * the one-click POST of RFC 8058. These pages hold private links: they are never cached
 * and send no referrer. Following is {@link FollowController}.
 */
@Controller
@RequestMapping("/mail")
class MailController {

	private final Subscribers subscribers;

	private final Subscriptions subscriptions;

	private final MailLinks links;

	private final Letters letters;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MailController(Subscribers subscribers, Subscriptions subscriptions, MailLinks links, Letters letters,
			TransactionTemplate transactions, Clock clock) {
		this.subscribers = subscribers;
		this.subscriptions = subscriptions;
		this.links = links;
		this.letters = letters;
		this.transactions = transactions;
		this.clock = clock;
	}

	@ModelAttribute
	static void privatePage(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("X-Robots-Tag", "noindex");
	}

	@GetMapping("/confirm")
	ModelAndView confirmForm(@RequestParam(required = false) @Nullable String t) {
		Optional<MailLinks.Confirming> confirming = this.links.confirming(t, this.clock.instant());
		if (confirming.isEmpty()) {
			return bad();
		}
		Optional<Subscribers.Subscriber> subscriber = this.subscribers.subscriber(confirming.get().subscriberId());
		if (subscriber.isPresent() && subscriber.get().confirmed()) {
			return page("confirmed-before");
		}
		if (confirming.get().expired() || subscriber.isEmpty()
				|| !confirming.get().hash().equals(subscriber.get().confirmHash())) {
			return gone();
		}
		ModelAndView page = page("confirm");
		page.addObject("token", t);
		page.addObject("follows",
				this.letters.described(this.subscriptions.subscriptions(subscriber.get().id()), locale()));
		return page;
	}

	@PostMapping("/confirm")
	ModelAndView confirm(@RequestParam(required = false) @Nullable String t) {
		Optional<MailLinks.Confirming> confirming = this.links.confirming(t, this.clock.instant());
		if (confirming.isEmpty()) {
			return bad();
		}
		long id = confirming.get().subscriberId();
		boolean confirmed = !confirming.get().expired() && this.subscribers.confirm(id, confirming.get().hash(),
				this.clock.instant().truncatedTo(ChronoUnit.MICROS));
		if (!confirmed) {
			Optional<Subscribers.Subscriber> subscriber = this.subscribers.subscriber(id);
			return (subscriber.isPresent() && subscriber.get().confirmed()) ? page("confirmed-before") : gone();
		}
		return manage(id, "confirmed");
	}

	@GetMapping("/unsubscribe")
	ModelAndView unsubscribeForm(@RequestParam(required = false) @Nullable String t) {
		Optional<Long> id = this.links.unsubscribing(t);
		if (id.isEmpty()) {
			return bad();
		}
		Optional<Subscriptions.Subscription> subscription = this.subscriptions.subscription(id.get());
		if (subscription.isEmpty()) {
			return page("unsubscribed");
		}
		ModelAndView page = page("unsubscribe");
		page.addObject("token", t);
		page.addObject("what", this.letters.describe(subscription.get().target(), locale()));
		return page;
	}

	/**
	 * Ends one subscription: the page's button, or a mail program's one-click POST
	 * ({@code List-Unsubscribe=One-Click} in the body), which needs no more than a 2xx.
	 */
	@PostMapping("/unsubscribe")
	ModelAndView unsubscribe(@RequestParam(required = false) @Nullable String t) {
		Optional<Long> id = this.links.unsubscribing(t);
		if (id.isEmpty()) {
			return bad();
		}
		Optional<Long> subscriber = this.subscriptions.subscription(id.get())
			.map(Subscriptions.Subscription::subscriberId);
		this.transactions.executeWithoutResult((status) -> this.subscriptions.unfollow(id.get()));
		if (subscriber.isPresent() && this.subscribers.subscriber(subscriber.get()).isPresent()) {
			return manage(subscriber.get(), "unsubscribed");
		}
		return page("unsubscribed");
	}

	@GetMapping("/manage")
	ModelAndView manageForm(@RequestParam(required = false) @Nullable String t) {
		Optional<Long> id = this.links.managing(t);
		if (id.isEmpty()) {
			return bad();
		}
		return manage(id.get(), null);
	}

	/** forgets the address, with everything it follows */
	@PostMapping("/manage")
	ModelAndView forget(@RequestParam(required = false) @Nullable String t) {
		Optional<Long> id = this.links.managing(t);
		if (id.isEmpty()) {
			return bad();
		}
		this.subscribers.forget(id.get());
		return page("forgotten");
	}

	private ModelAndView manage(long subscriberId, @Nullable String done) {
		if (this.subscribers.subscriber(subscriberId).isEmpty()) {
			return page("forgotten");
		}
		Locale locale = locale();
		List<Followed> followed = this.subscriptions.subscriptions(subscriberId)
			.stream()
			.map((subscription) -> new Followed(this.letters.describe(subscription.target(), locale),
					this.links.unsubscribe(subscription.id())))
			.toList();
		ModelAndView page = page("manage");
		page.addObject("done", done);
		page.addObject("followed", followed);
		page.addObject("token", this.links.manage(subscriberId));
		return page;
	}

	/**
	 * One thing an address follows, on the page that lists them.
	 *
	 * @param what it, in words
	 * @param token the token that ends it
	 */
	record Followed(String what, String token) {
	}

	static ModelAndView page(String view) {
		ModelAndView page = new ModelAndView("mail");
		page.addObject("view", view);
		return page;
	}

	private static ModelAndView bad() {
		ModelAndView page = page("bad-link");
		page.setStatus(HttpStatus.BAD_REQUEST);
		return page;
	}

	private static ModelAndView gone() {
		ModelAndView page = page("expired");
		page.setStatus(HttpStatus.GONE);
		return page;
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}

}
