package blog.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * The whole blog (real {@code content/}, real H2 in a data folder of this test JVM's own)
 * through MockMvc, as one application context that every test class naming this shares:
 * Spring's test context cache reuses a context only when the configuration is the same,
 * so a class that adds properties of its own pays for a start of its own. Tests make
 * their own uniquely named fixtures and never assume an empty table.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest
@AutoConfigureMockMvc
public @interface BlogTest {

}
