package blog;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The packages' dependencies point one way: {@code system} ← {@code post} ←
 * {@code comment} ← {@code mail} ← {@code admin}; {@code feed} uses {@code post} and
 * {@code comment}; {@code stats} uses {@code post}, and only the desk uses it; within
 * comment/, moderation and archive use the write path, never the reverse. A change that
 * needs an arrow the other way is a design question (an interface), not an import: these
 * rules fail the build when one points back. The web server (Jetty) is known to
 * {@code system} alone: the others answer through the servlet API, or through
 * {@code system.EarlyAnswers}.
 */
class ArchitectureTests {

	static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("blog");

	/**
	 * what the bean registrations Spring AOT writes at build time are called
	 * ({@code X__BeanDefinitions}): generated, and naming every bean by design
	 */
	static final String GENERATED = "__";

	@Test
	void noPackageShouldBePartOfACycle() {
		slices().matching("blog.(**)").should().beFreeOfCycles().check(MAIN);
	}

	@Test
	void theRootPackageShouldOnlyStartTheApplication() {
		noClasses().that()
			.resideInAPackage("blog")
			.and()
			.haveSimpleNameNotContaining(GENERATED)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog.system..", "blog.post..", "blog.comment..", "blog.admin..", "blog.feed..")
			.check(MAIN);
	}

	@Test
	void systemShouldUseNoFeature() {
		noClasses().that()
			.resideInAPackage("blog.system..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.post..", "blog.comment..", "blog.mail..", "blog.admin..", "blog.feed..",
					"blog.stats..")
			.check(MAIN);
	}

	@Test
	void postShouldUseOnlySystem() {
		noClasses().that()
			.resideInAPackage("blog.post..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.comment..", "blog.mail..", "blog.admin..", "blog.feed..", "blog.stats..")
			.check(MAIN);
	}

	@Test
	void theWritePathShouldNotKnowModerationOrTheArchive() {
		noClasses().that()
			.resideInAPackage("blog.comment")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.comment.moderation..", "blog.comment.archive..", "blog.mail..",
					"blog.admin..", "blog.feed..")
			.check(MAIN);
	}

	@Test
	void moderationAndTheArchiveShouldNotKnowEachOtherOrTheDesk() {
		noClasses().that()
			.resideInAPackage("blog.comment.moderation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.comment.archive..", "blog.mail..", "blog.admin..", "blog.feed..")
			.check(MAIN);
		noClasses().that()
			.resideInAPackage("blog.comment.archive..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.comment.moderation..", "blog.mail..", "blog.admin..", "blog.feed..")
			.check(MAIN);
	}

	@Test
	void feedShouldUsePostAndCommentOnly() {
		noClasses().that()
			.resideInAPackage("blog.feed..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.mail..", "blog.admin..")
			.check(MAIN);
	}

	@Test
	void mailShouldNotKnowTheDeskOrTheFeeds() {
		noClasses().that()
			.resideInAPackage("blog.mail..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.admin..", "blog.feed..", "blog.comment.moderation..")
			.check(MAIN);
	}

	@Test
	void statisticsShouldUseSystemAndPostOnly() {
		noClasses().that()
			.resideInAPackage("blog.stats..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("blog", "blog.comment..", "blog.mail..", "blog.admin..", "blog.feed..")
			.check(MAIN);
		noClasses().that()
			.resideInAnyPackage("blog.comment..", "blog.mail..", "blog.feed..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("blog.stats..")
			.check(MAIN);
	}

	@Test
	void onlySystemShouldKnowTheWebServer() {
		noClasses().that()
			.resideOutsideOfPackage("blog.system..")
			.and()
			.haveSimpleNameNotContaining(GENERATED)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.eclipse.jetty..", "org.springframework.boot.jetty..")
			.check(MAIN);
	}

	@Test
	void nothingShouldUseTheDesk() {
		noClasses().that()
			.resideOutsideOfPackage("blog.admin..")
			.and()
			.haveSimpleNameNotContaining(GENERATED)
			.should()
			.dependOnClassesThat()
			.resideInAPackage("blog.admin..")
			.check(MAIN);
	}

}
