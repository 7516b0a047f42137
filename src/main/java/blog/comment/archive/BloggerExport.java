package blog.comment.archive;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * Reads the comments out of a Blogger export: the Atom file that Blogger's "Back up
 * content" gave (entries marked {@code kind#post} and {@code kind#comment}, replies named
 * by a {@code related} link), and the {@code feed.atom} of Google Takeout (entries with
 * {@code blogger:type}, {@code blogger:parent} and {@code blogger:inReplyTo}). No DTD and
 * no external entity is read. Each comment keeps the line it starts on, for messages.
 */
final class BloggerExport {

	static final String ATOM = "http://www.w3.org/2005/Atom";

	static final String THREADING = "http://purl.org/syndication/thread/1.0";

	static final String TAKEOUT = "http://schemas.google.com/blogger/2018";

	private static final String KIND = "http://schemas.google.com/g/2005#kind";

	/**
	 * the number at the end of a Blogger id: {@code tag:blogger.com,1999:blog-1.post-2}
	 */
	private static final Pattern NUMBER = Pattern.compile("(?:post-|/)(\\d+)\\D*$");

	/**
	 * The JDK's StAX parser has no text for its namespace errors and gives their key
	 * instead: {@code …#ElementPrefixUnbound?app&app:control} or
	 * {@code …#AttributePrefixUnbound?entry&gd:etag&gd}. The second argument of both is
	 * the name with the prefix.
	 */
	private static final Pattern UNBOUND_PREFIX = Pattern
		.compile("#(?:Element|Attribute)PrefixUnbound\\?[^&]*&([^:&\\s]+):");

	private BloggerExport() {
	}

	/**
	 * @param xml the file
	 * @return its posts' addresses and its comments, as they are in the file
	 * @throws ImportException when it is not well-formed XML or not a Blogger export
	 */
	static Contents read(byte[] xml) {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		XMLStreamReader reader = null;
		try {
			reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
			reader.nextTag();
			if (!ATOM.equals(reader.getNamespaceURI()) || !"feed".equals(reader.getLocalName())) {
				throw new ImportException(reader.getLocation().getLineNumber(),
						"this is not a Blogger export: it starts with <" + reader.getLocalName()
								+ ">, not an Atom <feed>");
			}
			Map<String, String> posts = new HashMap<>();
			List<BloggerEntry> comments = new ArrayList<>();
			while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
				if (ATOM.equals(reader.getNamespaceURI()) && "entry".equals(reader.getLocalName())) {
					BloggerEntry entry = entry(reader);
					if (entry.post() && entry.id() != null && entry.address() != null) {
						posts.put(entry.id(), entry.address());
					}
					else if (entry.comment()) {
						comments.add(entry);
					}
				}
				else {
					skip(reader);
				}
			}
			return new Contents(posts, comments);
		}
		catch (XMLStreamException ex) {
			int line = (ex.getLocation() != null) ? ex.getLocation().getLineNumber() : -1;
			throw new ImportException(line, "the file is not well-formed XML: " + inWords(firstLine(ex.getMessage())));
		}
		finally {
			if (reader != null) {
				try {
					reader.close();
				}
				catch (XMLStreamException ex) {
					// nothing more to read
				}
			}
		}
	}

	private static BloggerEntry entry(XMLStreamReader reader) throws XMLStreamException {
		BloggerEntry entry = new BloggerEntry(reader.getLocation().getLineNumber());
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			String namespace = reader.getNamespaceURI();
			String name = reader.getLocalName();
			if (ATOM.equals(namespace)) {
				switch (name) {
					case "id" -> {
						entry.tag = reader.getElementText().strip();
						entry.id = number(entry.tag);
					}
					case "published" -> entry.published = reader.getElementText().strip();
					case "content" -> entry.html = reader.getElementText();
					case "author" -> entry.author = author(reader);
					case "category" -> {
						if (KIND.equals(reader.getAttributeValue(null, "scheme"))) {
							String term = String.valueOf(reader.getAttributeValue(null, "term"));
							entry.kind = term.substring(term.lastIndexOf('#') + 1);
						}
						skip(reader);
					}
					case "link" -> {
						String rel = reader.getAttributeValue(null, "rel");
						String href = reader.getAttributeValue(null, "href");
						if ("alternate".equals(rel) && href != null) {
							entry.address = href;
						}
						else if ("related".equals(rel) && href != null) {
							entry.parent = number(href);
						}
						skip(reader);
					}
					default -> skip(reader);
				}
			}
			else if (THREADING.equals(namespace) && "in-reply-to".equals(name)) {
				entry.post = number(String.valueOf(reader.getAttributeValue(null, "ref")));
				entry.postAddress = reader.getAttributeValue(null, "href");
				skip(reader);
			}
			else if (TAKEOUT.equals(namespace)) {
				switch (name) {
					case "type" -> entry.kind = reader.getElementText().strip().toLowerCase(Locale.ROOT);
					case "parent" -> entry.post = number(reader.getElementText());
					case "inReplyTo" -> entry.parent = number(reader.getElementText());
					case "status" -> entry.live = "LIVE".equals(reader.getElementText().strip());
					case "trashed" -> entry.live &= reader.getElementText().isBlank();
					case "filename" -> entry.address = reader.getElementText().strip();
					default -> skip(reader);
				}
			}
			else if ("extendedProperty".equals(name)
					&& "blogger.contentRemoved".equals(reader.getAttributeValue(null, "name"))) {
				entry.live = false;
				skip(reader);
			}
			else {
				skip(reader);
			}
		}
		return entry;
	}

	private static @Nullable String author(XMLStreamReader reader) throws XMLStreamException {
		String name = null;
		while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
			if (ATOM.equals(reader.getNamespaceURI()) && "name".equals(reader.getLocalName())) {
				name = reader.getElementText().strip();
			}
			else {
				skip(reader);
			}
		}
		return name;
	}

	/** reads past the element the reader is at, with all it holds */
	private static void skip(XMLStreamReader reader) throws XMLStreamException {
		int depth = 1;
		while (depth > 0) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				depth++;
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				depth--;
			}
		}
	}

	/**
	 * @return the number that ends a Blogger id or feed address, or the text itself when
	 * it has none; {@code null} when blank
	 */
	static @Nullable String number(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		Matcher number = NUMBER.matcher(id.strip());
		return number.find() ? number.group(1) : id.strip();
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "unreadable";
		}
		String last = message.strip();
		int at = last.lastIndexOf("Message: ");
		return (at >= 0) ? last.substring(at + 9).strip() : last.lines().reduce((a, b) -> b).orElse(last);
	}

	/**
	 * @return the parser's message, or words for it where the parser gave only a key
	 */
	private static String inWords(String message) {
		Matcher unbound = UNBOUND_PREFIX.matcher(message);
		return unbound.find() ? "the prefix \"" + unbound.group(1) + "\" is used but never declared" : message;
	}

	/**
	 * @param posts each post's Blogger number and address
	 * @param comments the comments, in the file's order
	 */
	record Contents(Map<String, String> posts, List<BloggerEntry> comments) {
	}

}
