package blog.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import blog.comment.CommentProperties;
import blog.comment.ModerationMode;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * The moderation mode a test class needs, on the shared application context: chosen
 * before each test as the editor chooses it on the desk, and forgotten after it, so that
 * the next class finds the configured default again (a property of its own would cost the
 * class an application context of its own).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(Holding.Extension.class)
public @interface Holding {

	CommentProperties.Moderation value();

	/**
	 * Chooses the mode before each test and forgets it after.
	 */
	class Extension implements BeforeEachCallback, AfterEachCallback {

		@Override
		public void beforeEach(ExtensionContext context) {
			CommentProperties.Moderation mode = AnnotationSupport
				.findAnnotation(context.getRequiredTestClass(), Holding.class, context.getEnclosingTestClasses())
				.orElseThrow()
				.value();
			spring(context).getBean(ModerationMode.class).choose(mode);
		}

		@Override
		public void afterEach(ExtensionContext context) {
			spring(context).getBean(JdbcClient.class)
				.sql("delete from setting where name = 'comments.moderation'")
				.update();
		}

		private static ApplicationContext spring(ExtensionContext context) {
			return SpringExtension.getApplicationContext(context);
		}

	}

}
