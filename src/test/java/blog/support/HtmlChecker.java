package blog.support;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process. It is
 * built on Jetty 11's HTTP client, and the blog on Jetty 12, whose API differs; so it
 * runs in a class loader of its own: the test class path without Jetty, and Jetty 11's
 * jars from the folder the build copies them to ({@code nu.validator.jetty}).
 */
public final class HtmlChecker {

	private static final ClassLoader LOADER = isolatedLoader();

	private HtmlChecker() {
	}

	/**
	 * @param html a whole document
	 * @return its errors, each as "line N: message"; empty when it is valid HTML
	 */
	public static List<String> errors(String html) {
		// its logging looks classes up through the thread's loader
		Thread thread = Thread.currentThread();
		ClassLoader before = thread.getContextClassLoader();
		thread.setContextClassLoader(LOADER);
		try {
			Class<?> type = Class.forName("nu.validator.client.EmbeddedValidator", true, LOADER);
			Object validator = type.getConstructor().newInstance();
			@SuppressWarnings({ "unchecked", "rawtypes" })
			Object json = Enum.valueOf(
					(Class) Class.forName("nu.validator.client.EmbeddedValidator$OutputFormat", true, LOADER), "JSON");
			type.getMethod("setOutputFormat", json.getClass()).invoke(validator, json);
			String report = (String) type.getMethod("validate", InputStream.class)
				.invoke(validator, new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
			List<String> errors = new ArrayList<>();
			for (JsonNode message : JsonMapper.builder().build().readTree(report).path("messages")) {
				String kind = message.path("type").asString();
				if ("error".equals(kind) || "non-document-error".equals(kind)) {
					errors
						.add("line " + message.path("lastLine").asString() + ": " + message.path("message").asString());
				}
			}
			return errors;
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			throw new IllegalStateException("The Nu HTML Checker could not run", ex);
		}
		finally {
			thread.setContextClassLoader(before);
		}
	}

	private static ClassLoader isolatedLoader() {
		String jettyFolder = System.getProperty("nu.validator.jetty", "target/nu-validator-jetty");
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<URL> urls = new ArrayList<>();
		try (Stream<Path> jetty11 = Files.list(Path.of(jettyFolder))) {
			for (Path jar : jetty11.filter((path) -> path.toString().endsWith(".jar")).toList()) {
				urls.add(jar.toUri().toURL());
			}
			for (String entry : classPath.split(File.pathSeparator)) {
				if (!entry.isBlank() && !entry.replace('\\', '/').contains("/org/eclipse/jetty/")) {
					urls.add(Path.of(entry).toUri().toURL());
				}
			}
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("no Jetty 11 jars for the Nu HTML Checker in " + jettyFolder
					+ " (the build copies them there: run the tests with Maven)", ex);
		}
		return new URLClassLoader("nu-validator", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
	}

}
