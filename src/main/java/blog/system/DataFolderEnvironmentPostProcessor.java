package blog.system;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Fixes {@code blog.data-dir} once, as an absolute path (so that a value such as
 * {@code ${random.uuid}} names one folder), and points the database at it unless
 * {@code spring.datasource.url} is set: an H2 file there, written to disk before each
 * commit returns ({@code WRITE_DELAY=0}; by default H2 writes in the background, and a
 * killed JVM loses the comments of its last second, though each was acknowledged), and
 * closed by the application, not by H2's own shutdown hook
 * ({@code DB_CLOSE_ON_EXIT=FALSE}: that hook would close it under the requests a graceful
 * shutdown lets finish).
 */
class DataFolderEnvironmentPostProcessor implements EnvironmentPostProcessor {

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Path dataDir = Path.of(environment.getProperty("blog.data-dir", "data")).toAbsolutePath().normalize();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("blog-data-dir", Map.of("blog.data-dir", dataDir.toString())));
		// with the postgres profile and no address, Spring Boot's own failure analysis
		// says
		// that the url is missing and which profiles are active
		boolean postgres = Arrays.asList(environment.getActiveProfiles()).contains("postgres");
		if (!postgres && !environment.containsProperty("spring.datasource.url")) {
			// H2 refuses paths that are implicitly relative to the working directory
			environment.getPropertySources()
				.addLast(new MapPropertySource("blog-database",
						Map.of("spring.datasource.url",
								"jdbc:h2:file:" + dataDir.resolve("blog") + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE",
								"spring.datasource.username", "sa")));
		}
	}

}
