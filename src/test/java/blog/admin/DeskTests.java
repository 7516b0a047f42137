package blog.admin;

import java.net.InetAddress;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import blog.comment.CommentProperties;
import blog.comment.CommentService;
import blog.comment.Reader;
import blog.support.BlogTest;
import blog.support.Holding;
import blog.support.HtmlChecker;
import blog.support.MockWeb;
import blog.support.Reply;
import blog.support.Web;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static blog.comment.Reader.ESSAY;
import static blog.support.TestContent.ESSAY_SLUG;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The editor's desk over HTTP, against the real database: login, lock-out, CSRF, each
 * action with its audit row, bulk actions, search, and the moderation mode.
 */
@BlogTest
@Holding(CommentProperties.Moderation.LINKS)
class DeskTests {

	@Autowired
	MockMvcTester mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommentService comments;

	@AfterEach
	void configuredModeAgain() {
		this.jdbc.sql("delete from setting").update();
	}

	@Test
	void deskShouldSendStrangersToTheLoginAndReadersGetNoCookie() {
		Reply desk = new Editor(new MockWeb(this.mvc)).get("/admin");
		assertThat(desk.statusCode()).isEqualTo(302);
		assertThat(desk.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
		Reply page = new Editor(new MockWeb(this.mvc)).get(ESSAY);
		assertThat(page.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(new Editor(new MockWeb(this.mvc)).get("/admin/audit").statusCode()).isEqualTo(302);
	}

	@Test
	void loginShouldOpenADeskSessionAndLogoutEndIt() {
		Editor editor = new Editor(new MockWeb(this.mvc));
		Reply login = editor.logIn("editor", Editor.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(302);
		Document desk = editor.open("/admin");
		assertThat(desk.selectFirst("h1").text()).isEqualTo("Comments");
		assertThat(editor.post("/logout").statusCode()).isEqualTo(302);
		assertThat(editor.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void loginAndDeskShouldBeValidHtml() {
		heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc));
		assertThat(HtmlChecker.errors(editor.get("/login").body())).as("login").isEmpty();
		editor.loggedIn();
		assertThat(HtmlChecker.errors(editor.get("/admin").body())).as("desk").isEmpty();
		assertThat(HtmlChecker.errors(editor.get("/admin/audit").body())).as("audit").isEmpty();
		assertThat(HtmlChecker.errors(editor.get("/admin/archive").body())).as("export and import").isEmpty();
		assertThat(HtmlChecker.errors(editor.get("/admin/comments/" + heldComment()).body())).as("one comment")
			.isEmpty();
		assertThat(HtmlChecker.errors(editor.get("/admin?show=reported").body())).as("reported").isEmpty();
		long published = new Reader(new MockWeb(this.mvc)).comment("Plain", "No link here " + UUID.randomUUID());
		assertThat(
				HtmlChecker.errors(new Reader(new MockWeb(this.mvc)).get("/comments/" + published + "/report").body()))
			.as("report page")
			.isEmpty();
	}

	@Test
	void wrongPasswordShouldSendBackToTheLoginWithAMessage() {
		Editor editor = new Editor(new MockWeb(this.mvc));
		Reply login = editor.logIn("editor", "wrong");
		assertThat(login.statusCode()).isEqualTo(302);
		assertThat(login.headers().firstValue("Location").orElseThrow()).endsWith("/login?error");
		assertThat(editor.open("/login?error").selectFirst("p.notice.error").text()).contains("do not match");
		assertThat(editor.get("/admin").statusCode()).isEqualTo(302);
	}

	@Test
	void postWithoutTheCsrfTokenShouldBeRefusedAndChangeNothing() {
		long id = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		Reply forged = editor.postExactly("/admin/comments/" + id + "/approve", "back", "/admin");
		assertThat(forged.statusCode()).isEqualTo(403);
		assertThat(status(id)).isEqualTo("PENDING");
		Reply login = new Editor(new MockWeb(this.mvc)).postExactly("/login", "username", "editor", "password",
				Editor.PASSWORD);
		assertThat(login.statusCode()).isEqualTo(403);
	}

	@Test
	void fiveFailedLoginsShouldLockTheNameAndTheClientOutWith429() throws Exception {
		InetAddress attacker = InetAddress.getByName("127.0.0.7");
		for (int i = 1; i <= LoginThrottle.TRIES; i++) {
			Reply answer = rawLogin(attacker, "intruder", "guess " + i);
			assertThat(answer.status()).as("try " + i).isEqualTo((i < LoginThrottle.TRIES) ? 302 : 429);
		}
		Reply locked = rawLogin(attacker, "editor", Editor.PASSWORD);
		assertThat(locked.status()).as("the client is locked, even with the right password").isEqualTo(429);
		assertThat(locked.header("Retry-After")).hasValueSatisfying(
				(seconds) -> assertThat(Long.parseLong(seconds)).isBetween(60L, LoginThrottle.LOCK.toSeconds()));
		assertThat(locked.body()).contains("Too many failed logins").contains("15 minutes");
		Reply byName = rawLogin(InetAddress.getByName("127.0.0.8"), "intruder", "another guess");
		assertThat(byName.status()).as("the name is locked from anywhere").isEqualTo(429);
		new Editor(new MockWeb(this.mvc)).loggedIn(); // the editor, from elsewhere, is
														// not locked out
		assertThat(
				this.jdbc.sql("select count(*) from audit_event where action = 'lock-out'").query(Long.class).single())
			.isPositive();
		assertThat(new Editor(new MockWeb(this.mvc)).get("/login/locked").statusCode()).isEqualTo(404);
	}

	@Test
	void approveShouldPublishAHeldCommentOnThePostAndAudit() {
		String text = "held " + UUID.randomUUID() + ", see [this](https://example.org)";
		long id = heldComment(text);
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		Document desk = editor.open("/admin");
		Element item = desk.getElementById("item-" + id);
		assertThat(item).as("held comments come first").isNotNull();
		List<String> statuses = desk.select("ol.desk-items > li .desk-status").eachText();
		assertThat(statuses.lastIndexOf("held")).as("held first")
			.isLessThan(Math.max(statuses.indexOf("published"), statuses.size()));
		assertThat(item.selectFirst(".desk-reason").text()).contains("holds a link");
		assertThat(item.selectFirst(".comment-text a").attr("rel")).contains("nofollow");
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY).html()).doesNotContain(text);

		String done = editor.confirmation(editor.post("/admin/comments/" + id + "/approve", "back", "/admin"));
		assertThat(done).isEqualTo("Published 1 comment.");
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY).getElementById("comment-" + id)).isNotNull();
		assertThat(audit(id)).containsExactly("approve by editor: PENDING → PUBLISHED on " + ESSAY_SLUG);
	}

	@Test
	void spamDeleteAndRestoreShouldHideAndBringBackWithAnAuditRowEach() {
		long id = new Reader(new MockWeb(this.mvc)).comment("Plain", "published " + UUID.randomUUID());
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/spam", "back", "/admin")))
			.isEqualTo("Marked 1 comment as spam.");
		assertThat(status(id)).isEqualTo("SPAM");
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY).getElementById("comment-" + id)).isNull();
		assertThat(editor.open("/admin?show=spam").getElementById("item-" + id)).isNotNull();

		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/restore", "back", "/admin?show=spam")))
			.isEqualTo("Restored 1 comment.");
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(new Reader(new MockWeb(this.mvc)).open(ESSAY).getElementById("comment-" + id)).isNotNull();

		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/delete", "back", "/admin")))
			.startsWith("Deleted 1 comment");
		assertThat(status(id)).isEqualTo("DELETED");
		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/restore", "back", "/admin")))
			.isEqualTo("Restored 1 comment.");
		assertThat(status(id)).isEqualTo("PUBLISHED");
		assertThat(audit(id)).containsExactly("restore by editor: DELETED → PUBLISHED on " + ESSAY_SLUG,
				"delete by editor: PUBLISHED → DELETED on " + ESSAY_SLUG,
				"restore by editor: SPAM → PUBLISHED on " + ESSAY_SLUG,
				"spam by editor: PUBLISHED → SPAM on " + ESSAY_SLUG);
		assertThat(editor.confirmation(editor.post("/admin/comments/" + id + "/approve", "back", "/admin")))
			.as("nothing to do")
			.contains("was not changed");
	}

	@Test
	void bulkActionShouldChangeEveryTickedComment() {
		long first = heldComment();
		long second = heldComment();
		long untouched = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		editor.open("/admin");
		String done = editor.confirmation(editor.post("/admin/comments", "ids", Long.toString(first), "ids",
				Long.toString(second), "bulk", "spam", "back", "/admin"));
		assertThat(done).isEqualTo("Marked 2 comments as spam.");
		assertThat(List.of(status(first), status(second), status(untouched))).containsExactly("SPAM", "SPAM",
				"PENDING");
		assertThat(editor.confirmation(editor.post("/admin/comments", "bulk", "approve", "back", "/admin")))
			.startsWith("No comments were selected");
	}

	@Test
	void searchShouldFindByNameOrTextAndTreatWildcardsAsText() {
		String word = "needle" + UUID.randomUUID().toString().substring(0, 8);
		long byText = heldComment("a " + word + " in the text, see https://example.org");
		long other = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		Document found = editor.open("/admin?q=" + word.toUpperCase());
		assertThat(found.getElementById("item-" + byText)).isNotNull();
		assertThat(found.getElementById("item-" + other)).isNull();
		assertThat(editor.open("/admin?q=%25").select("p.notice").text()).contains("No comments match");
		assertThat(editor.get("/admin?q=" + "x".repeat(300)).statusCode()).isEqualTo(400);
		assertThat(editor.get("/admin?show=nonsense").statusCode()).isEqualTo(400);
		assertThat(editor.get("/admin?page=0").statusCode()).isEqualTo(400);
		assertThat(editor.post("/admin/comments/12/nonsense", "back", "/admin").statusCode()).isEqualTo(400);
		assertThat(editor.post("/admin/comments/x1/approve", "back", "/admin").statusCode()).isEqualTo(404);
	}

	@Test
	void backShouldNeverLeadOffTheDesk() {
		long id = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		editor.open("/admin");
		Reply answer = editor.post("/admin/comments/" + id + "/approve", "back", "https://evil.example/");
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
		answer = editor.post("/admin/comments/" + id + "/spam", "back", "/admin//evil.example");
		assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/admin");
	}

	@Test
	void backWithALineBreakShouldBeRefusedBeforeAnythingIsDone() {
		long id = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		editor.open("/admin");
		for (String back : new String[] { "/admin?show=reported\nenv;", "/admin\r\nSet-Cookie: x=1", "/admin\u0000" }) {
			Reply answer = editor.post("/admin/comments/" + id + "/approve", "back", back);
			assertThat(answer.statusCode()).as(back).isEqualTo(400);
			assertThat(answer.headers().firstValue("Location")).as(back).isEmpty();
			Reply bulk = editor.post("/admin/comments", "ids", Long.toString(id), "bulk", "approve", "back", back);
			assertThat(bulk.statusCode()).as(back).isEqualTo(400);
		}
		assertThat(status(id)).as("nothing was applied").isEqualTo("PENDING");
		assertThat(audit(id)).isEmpty();
	}

	@Test
	void modeChosenOnTheDeskShouldRuleNewCommentsAndBeAudited() {
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		assertThat(editor.open("/admin").selectFirst("#mode-links").hasAttr("checked")).isTrue();
		assertThat(editor.confirmation(editor.post("/admin/mode", "mode", "all")))
			.isEqualTo("Moderation is now 'all'.");
		String text = "plain words " + UUID.randomUUID();
		new Reader(new MockWeb(this.mvc)).send("name", "Anyone", "body", text);
		assertThat(this.jdbc.sql("select status from comment where body_markdown = :text")
			.param("text", text)
			.query(String.class)
			.single()).isEqualTo("PENDING");
		assertThat(editor.open("/admin").selectFirst("#mode-all").hasAttr("checked")).isTrue();
		assertThat(this.jdbc.sql("select detail from audit_event where action = 'mode' order by id desc limit 1")
			.query(String.class)
			.single()).isEqualTo("LINKS → ALL");
		assertThat(editor.post("/admin/mode", "mode", "sometimes").statusCode()).isEqualTo(400);
	}

	@Test
	void auditTrailShouldListLoginsAndActions() {
		long id = heldComment();
		Editor editor = new Editor(new MockWeb(this.mvc)).loggedIn();
		editor.open("/admin");
		editor.post("/admin/comments/" + id + "/approve", "back", "/admin");
		Document trail = editor.open("/admin/audit");
		assertThat(trail.select("table.audit tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).contains("editor approve #" + id));
		assertThat(trail.select("table.audit tbody tr").eachText())
			.anySatisfy((row) -> assertThat(row).contains("editor login"));
	}

	@Test
	void purgeShouldDropOnlySpamAndDeletedOlderThanThirtyDays() {
		long old = heldComment();
		long recent = heldComment();
		long keptForItsReply = heldComment();
		Instant longAgo = Instant.now().minus(Desk.KEPT).minusSeconds(3600);
		this.jdbc.sql("update comment set status = 'SPAM', status_changed_at = :at where id in (:ids)")
			.param("at", longAgo.atOffset(ZoneOffset.UTC))
			.param("ids", List.of(old, keptForItsReply))
			.update();
		this.jdbc.sql("update comment set status = 'DELETED', status_changed_at = :at where id = :id")
			.param("at", Instant.now().atOffset(ZoneOffset.UTC))
			.param("id", recent)
			.update();
		this.jdbc.sql("""
				insert into comment (post_slug, parent_id, author_name, body_markdown, body_html, status, created_at,
				  client_hash, body_hash, delete_token_hash)
				values (:slug, :parent, 'Replier', 'kept', '<p>kept</p>', 'PUBLISHED', :now, 'test', 'kept', 'test')""")
			.param("slug", ESSAY_SLUG)
			.param("parent", keptForItsReply)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		this.desk.purge();
		assertThat(exists(old)).isFalse();
		assertThat(exists(recent)).isTrue();
		assertThat(exists(keptForItsReply)).isTrue();
		assertThat(audit(old)).singleElement().asString().startsWith("purge by (daily purge)");
	}

	@Autowired
	Desk desk;

	private Reply rawLogin(InetAddress from, String username, String password) {
		Web client = new MockWeb(this.mvc).from(from.getHostAddress()).withSession();
		Reply login = client.get("/login");
		String csrf = login.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		return client.form("/login",
				"username=" + username + "&password=" + password.replace(' ', '+') + "&_csrf=" + csrf);
	}

	private long heldComment() {
		return heldComment("see https://example.org " + UUID.randomUUID());
	}

	private long heldComment(String text) {
		Reply posted = new Reader(new MockWeb(this.mvc)).send("name",
				"Held " + UUID.randomUUID().toString().substring(0, 6), "body", text);
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(303);
		long id = Long
			.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*posted=(\\d+).*", "$1"));
		assertThat(status(id)).isEqualTo("PENDING");
		return id;
	}

	private String status(long id) {
		return this.jdbc.sql("select status from comment where id = :id").param("id", id).query(String.class).single();
	}

	private boolean exists(long id) {
		return this.jdbc.sql("select count(*) from comment where id = :id")
			.param("id", id)
			.query(Long.class)
			.single() > 0;
	}

	private List<String> audit(long id) {
		return this.jdbc.sql("select action, editor, detail from audit_event where comment_id = :id order by id desc")
			.param("id", id)
			.query((row, n) -> row.getString("action") + " by " + row.getString("editor") + ": "
					+ row.getString("detail"))
			.list();
	}

}
