package blog.post;

import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML mapping read with its line numbers, so that every fault in a content file can be
 * reported at the line where it is. Keys are checked against the ones a file may hold: a
 * misspelt key is a fault, never silently ignored. (Longer than our other classes: one
 * reader of YAML with its line numbers, which SnakeYAML leaves to its callers.)
 */
final class YamlMapping {

	private final Path file;

	private final int lineOffset;

	private final int line;

	private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

	private YamlMapping(Path file, int lineOffset, MappingNode node) {
		this.file = file;
		this.lineOffset = lineOffset;
		this.line = lineOf(node);
		for (NodeTuple tuple : node.getValue()) {
			if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
				throw fault(tuple.getKeyNode(), "a key must be plain text");
			}
			if (this.entries.putIfAbsent(key.getValue(), tuple) != null) {
				throw fault(key, "key '" + key.getValue() + "' is given twice");
			}
		}
	}

	/**
	 * @param file the file the text comes from, for messages
	 * @param text YAML text holding one mapping
	 * @param lineOffset lines of the file before the text
	 * @return the mapping
	 * @throws ContentException when the text is not YAML or not a mapping
	 */
	static YamlMapping parse(Path file, String text, int lineOffset) {
		Node root;
		try {
			root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(text));
		}
		catch (MarkedYAMLException ex) {
			Mark mark = (ex.getProblemMark() != null) ? ex.getProblemMark() : ex.getContextMark();
			int line = (mark != null) ? mark.getLine() + 1 + lineOffset : 0;
			throw new ContentException(file, line, "broken YAML: " + ex.getProblem());
		}
		catch (YAMLException ex) {
			throw new ContentException(file, "broken YAML: " + ex.getMessage());
		}
		if (root == null) {
			throw new ContentException(file, lineOffset + 1, "is empty: expected keys such as 'title:'");
		}
		if (!(root instanceof MappingNode mapping)) {
			throw new ContentException(file, root.getStartMark().getLine() + 1 + lineOffset,
					"expected 'key: value' lines");
		}
		return new YamlMapping(file, lineOffset, mapping);
	}

	/**
	 * @param allowed the keys this mapping may hold
	 * @throws ContentException naming the first key that is not one of them
	 */
	YamlMapping allowOnly(Set<String> allowed) {
		for (Map.Entry<String, NodeTuple> entry : this.entries.entrySet()) {
			if (!allowed.contains(entry.getKey())) {
				throw fault(entry.getValue().getKeyNode(),
						"unknown key '" + entry.getKey() + "' (allowed: " + String.join(", ", allowed) + ")");
			}
		}
		return this;
	}

	/**
	 * @return whether the key holds one value (not a list or a mapping)
	 */
	boolean holdsScalar(String key) {
		NodeTuple tuple = this.entries.get(key);
		return tuple != null && tuple.getValueNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode;
	}

	String text(String key) {
		String value = optionalText(key);
		if (value == null) {
			throw missing(key);
		}
		return value;
	}

	@Nullable String optionalText(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null) {
			return null;
		}
		String value = scalar(key, tuple.getValueNode()).strip();
		if (value.isEmpty()) {
			throw fault(tuple.getKeyNode(), "'" + key + "' is empty");
		}
		return value;
	}

	URI url(String key) {
		URI value = optionalUrl(key);
		if (value == null) {
			throw missing(key);
		}
		return value;
	}

	@Nullable URI optionalUrl(String key) {
		String text = optionalText(key);
		if (text == null) {
			return null;
		}
		return webAddress(text).orElseThrow(
				() -> fault(key, "'" + key + "' is not a web address (expected http:// or https://...): " + text));
	}

	/**
	 * @param text what may be a web address
	 * @return it as an absolute http or https address, if it is one
	 */
	static Optional<URI> webAddress(String text) {
		try {
			URI uri = new URI(text);
			boolean web = "https".equals(uri.getScheme()) || "http".equals(uri.getScheme());
			return (web && uri.getHost() != null) ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	List<String> textList(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Node item : sequence(key, tuple.getValueNode()).getValue()) {
			String value = scalar(key, item).strip();
			if (value.isEmpty()) {
				throw fault(item, "an item of '" + key + "' is empty");
			}
			values.add(value);
		}
		return values;
	}

	@Nullable YamlMapping optionalMapping(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null) {
			return null;
		}
		if (!(tuple.getValueNode() instanceof MappingNode mapping)) {
			throw fault(tuple.getValueNode(), "'" + key + "' must hold 'key: value' lines");
		}
		return new YamlMapping(this.file, this.lineOffset, mapping);
	}

	List<YamlMapping> mappingList(String key) {
		NodeTuple tuple = this.entries.get(key);
		if (tuple == null) {
			throw missing(key);
		}
		List<YamlMapping> values = new ArrayList<>();
		for (Node item : sequence(key, tuple.getValueNode()).getValue()) {
			if (!(item instanceof MappingNode mapping)) {
				throw fault(item, "an item of '" + key + "' must hold 'key: value' lines");
			}
			values.add(new YamlMapping(this.file, this.lineOffset, mapping));
		}
		return values;
	}

	/**
	 * @param key a key of this mapping
	 * @return the line of that key, or of the mapping when the key is absent
	 */
	int line(String key) {
		NodeTuple tuple = this.entries.get(key);
		return (tuple != null) ? lineOf(tuple.getKeyNode()) : this.line;
	}

	ContentException fault(String key, String fault) {
		return new ContentException(this.file, line(key), fault);
	}

	private ContentException missing(String key) {
		return new ContentException(this.file, this.line, "'" + key + "' is missing");
	}

	private ContentException fault(Node node, String fault) {
		return new ContentException(this.file, lineOf(node), fault);
	}

	private String scalar(String key, Node node) {
		if (!(node instanceof ScalarNode scalar)) {
			throw fault(node, "'" + key + "' must be plain text, not a list or a mapping");
		}
		return scalar.getValue();
	}

	private SequenceNode sequence(String key, Node node) {
		if (!(node instanceof SequenceNode sequence)) {
			throw fault(node, "'" + key + "' must be a list of '- item' lines");
		}
		return sequence;
	}

	private int lineOf(Node node) {
		return node.getStartMark().getLine() + 1 + this.lineOffset;
	}

}
