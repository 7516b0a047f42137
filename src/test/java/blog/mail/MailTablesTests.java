package blog.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import blog.support.BlogTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mail tables' rules, on the real schema in H2: links that work once and for 48
 * hours, one confirmation a day, unconfirmed addresses deleted, a post announced once.
 */
@BlogTest
class MailTablesTests {

	@Autowired
	Subscribers subscribers;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	NewPosts newPosts;

	@Autowired
	MailLinks links;

	@Autowired
	JdbcClient jdbc;

	private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

	@Test
	void aConfirmationLinkShouldWorkOnceAndOnlyFor48Hours() {
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(unique(), "en", this.now);
		MailLinks.Confirmation link = this.links.confirmation(subscriber.id(), this.now);
		assertThat(this.subscribers.claimConfirmation(subscriber.id(), link.hash(), this.now, Duration.ofDays(1)))
			.isTrue();

		MailLinks.Confirming late = this.links.confirming(link.token(), this.now.plus(Duration.ofHours(49)))
			.orElseThrow();
		assertThat(late.expired()).isTrue();
		MailLinks.Confirming inTime = this.links.confirming(link.token(), this.now.plus(Duration.ofHours(47)))
			.orElseThrow();
		assertThat(inTime.expired()).isFalse();
		assertThat(this.subscribers.confirm(subscriber.id(), inTime.hash(), this.now)).isTrue();
		assertThat(this.subscribers.confirm(subscriber.id(), inTime.hash(), this.now)).as("used twice").isFalse();
	}

	@Test
	void aLinkWithAnyPartChangedShouldBeRefused() {
		String token = this.links.confirmation(7, this.now).token();
		String[] parts = token.split("\\.");
		assertThat(this.links.confirming(token, this.now)).isPresent();
		assertThat(this.links.confirming("8." + parts[1] + "." + parts[2] + "." + parts[3], this.now)).isEmpty();
		assertThat(this.links.confirming(parts[0] + ".99999999999." + parts[2] + "." + parts[3], this.now)).isEmpty();
		assertThat(this.links.confirming(token + "x", this.now)).isEmpty();
		assertThat(this.links.unsubscribing(this.links.unsubscribe(5))).contains(5L);
		assertThat(this.links.unsubscribing(this.links.manage(5))).as("a manage link is no unsubscribe link").isEmpty();
		assertThat(this.links.managing("5." + this.links.unsubscribe(5).split("\\.")[1])).isEmpty();
	}

	@Test
	void anAddressShouldGetOneConfirmationADay() {
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(unique(), "en", this.now);
		assertThat(this.subscribers.claimConfirmation(subscriber.id(), "a", this.now, Duration.ofDays(1))).isTrue();
		assertThat(this.subscribers.claimConfirmation(subscriber.id(), "b", this.now.plus(Duration.ofHours(23)),
				Duration.ofDays(1)))
			.isFalse();
		assertThat(this.subscribers.claimConfirmation(subscriber.id(), "c", this.now.plus(Duration.ofHours(25)),
				Duration.ofDays(1)))
			.isTrue();
	}

	@Test
	void unconfirmedAddressesShouldBeDeletedAfterTheirLinkExpires() {
		String email = unique();
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(email, "en", this.now);
		this.subscriptions.follow(subscriber.id(), Follows.BLOG, null, this.now);
		this.subscribers.claimConfirmation(subscriber.id(), "h", this.now, Duration.ofDays(1));
		String confirmedEmail = unique();
		Subscribers.Subscriber confirmed = this.subscribers.subscriberFor(confirmedEmail, "en", this.now);
		this.subscribers.claimConfirmation(confirmed.id(), "k", this.now, Duration.ofDays(1));
		this.subscribers.confirm(confirmed.id(), "k", this.now);

		this.subscribers.purgeUnconfirmed(this.now.minus(MailLinks.CONFIRMATION_LIFETIME).plusSeconds(1));
		assertThat(this.subscribers.subscriber(email)).as("not yet 48 hours").isPresent();
		this.subscribers.purgeUnconfirmed(this.now.plusSeconds(1));
		assertThat(this.subscribers.subscriber(email)).isEmpty();
		assertThat(this.subscriptions.subscriptions(subscriber.id())).isEmpty();
		assertThat(this.subscribers.subscriber(confirmedEmail)).as("confirmed").isPresent();
	}

	@Test
	void aNewPostShouldBeAnnouncedOnceToConfirmedFollowersOfTheBlog() {
		Subscribers.Subscriber follower = this.subscribers.subscriberFor(unique(), "en", this.now);
		this.subscriptions.follow(follower.id(), Follows.BLOG, null, this.now);
		this.subscribers.claimConfirmation(follower.id(), "p", this.now, Duration.ofDays(1));
		this.subscribers.confirm(follower.id(), "p", this.now);
		Subscribers.Subscriber unconfirmed = this.subscribers.subscriberFor(unique(), "en", this.now);
		this.subscriptions.follow(unconfirmed.id(), Follows.BLOG, null, this.now);
		String slug = "new-post-" + UUID.randomUUID();

		assertThat(this.newPosts.seen(slug, this.now, true)).isTrue();
		assertThat(this.newPosts.seen(slug, this.now, true)).as("seen again").isFalse();
		assertThat(mailsAbout(slug, follower.id())).isEqualTo(1);
		assertThat(mailsAbout(slug, unconfirmed.id())).isZero();
	}

	@Test
	void unfollowingTheLastThingShouldDeleteTheAddress() {
		String email = unique();
		Subscribers.Subscriber subscriber = this.subscribers.subscriberFor(email, "en", this.now);
		Subscriptions.Subscription blog = this.subscriptions.follow(subscriber.id(), Follows.BLOG, null, this.now);
		Subscriptions.Subscription post = this.subscriptions.follow(subscriber.id(), Follows.post("some-post"), null,
				this.now);
		this.subscriptions.unfollow(blog.id());
		assertThat(this.subscribers.subscriber(email)).isPresent();
		this.subscriptions.unfollow(post.id());
		assertThat(this.subscribers.subscriber(email)).isEmpty();
	}

	private long mailsAbout(String slug, long subscriber) {
		return this.jdbc
			.sql("select count(*) from mail_outbox where kind = 'POST' and about = :slug and subscriber_id = :id")
			.param("slug", slug)
			.param("id", subscriber)
			.query(Long.class)
			.single();
	}

	private static String unique() {
		return "t-" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
	}

}
