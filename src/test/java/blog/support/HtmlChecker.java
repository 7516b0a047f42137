package blog.support;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import nu.validator.client.EmbeddedValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Nu HTML Checker (the engine behind validator.w3.org/nu), run in-process.
 */
public final class HtmlChecker {

	private HtmlChecker() {
	}

	/**
	 * @param html a whole document
	 * @return its errors, each as "line N: message"; empty when it is valid HTML
	 */
	public static List<String> errors(String html) {
		try {
			EmbeddedValidator validator = new EmbeddedValidator();
			validator.setOutputFormat(EmbeddedValidator.OutputFormat.JSON);
			String report = validator.validate(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
			List<String> errors = new ArrayList<>();
			for (JsonNode message : JsonMapper.builder().build().readTree(report).path("messages")) {
				String type = message.path("type").asString();
				if ("error".equals(type) || "non-document-error".equals(type)) {
					errors
						.add("line " + message.path("lastLine").asString() + ": " + message.path("message").asString());
				}
			}
			return errors;
		}
		catch (Exception ex) {
			throw new IllegalStateException("The Nu HTML Checker could not run", ex);
		}
	}

}
