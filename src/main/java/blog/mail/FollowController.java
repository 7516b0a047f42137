package blog.mail;

import java.time.Duration;
import java.util.Optional;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.system.Keys;
import blog.system.MailAddresses;
import blog.system.OutgoingMail;
import blog.system.RateBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * The small forms that follow a post's new comments or the blog's new posts: an address,
 * then one confirmation mail (see {@link Follows}), at most ten forms an hour per client.
 */
@Controller
class FollowController {

	private final OutgoingMail mail;

	private final Follows follows;

	private final PostCatalog catalog;

	private final RateBuckets buckets;

	private final Keys keys;

	private final TransactionTemplate transactions;

	FollowController(OutgoingMail mail, Follows follows, PostCatalog catalog, RateBuckets buckets, Keys keys,
			TransactionTemplate transactions) {
		this.mail = mail;
		this.follows = follows;
		this.catalog = catalog;
		this.buckets = buckets;
		this.keys = keys;
		this.transactions = transactions;
	}

	@ModelAttribute
	void privatePage(HttpServletResponse response) {
		MailController.privatePage(response);
	}

	/**
	 * Follows a post's new comments ({@code post}: its slug) or the blog's new posts.
	 */
	@PostMapping("/mail/follow")
	ModelAndView follow(@RequestParam(required = false) @Nullable String email,
			@RequestParam(required = false) @Nullable String post, HttpServletRequest request,
			HttpServletResponse response) {
		if (!this.mail.on()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		Optional<Post> followed = Optional.empty();
		if (post != null && !post.isBlank()) {
			followed = this.catalog.find(post.strip());
			if (followed.isEmpty()) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such post");
			}
		}
		String address = MailAddresses.normalized(email);
		ModelAndView page = MailController.page("follow");
		page.addObject("post", followed.orElse(null));
		if (address == null) {
			page.addObject("typed", (email != null && email.length() <= 300) ? email : "");
			page.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
			return page;
		}
		ConsumptionProbe probe = this.buckets.consume("mail-follow:" + this.keys.client(request.getRemoteAddr()),
				() -> BucketConfiguration.builder()
					.addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofHours(1)).build())
					.build());
		if (!probe.isConsumed()) {
			long seconds = Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds());
			response.setHeader("Retry-After", Long.toString(seconds));
			page.addObject("limited", seconds);
			page.addObject("typed", email);
			page.setStatus(HttpStatus.TOO_MANY_REQUESTS);
			return page;
		}
		String target = followed.map((found) -> Follows.post(found.slug())).orElse(Follows.BLOG);
		String language = language();
		this.transactions.executeWithoutResult((status) -> this.follows.follow(address, language, target, null));
		page.addObject("view", "followed");
		return page;
	}

	private static String language() {
		return LocaleContextHolder.getLocale().getLanguage().equals("de") ? "de" : "en";
	}

}
