package blog.system;

import org.jspecify.annotations.Nullable;

/**
 * Text that readers send (a comment, a name, a search, a report's reason) made fit to
 * store and to show in HTML: line breaks made uniform, NUL replaced as HTML parsers
 * replace it (PostgreSQL cannot store it), and the code points HTML forbids in a document
 * removed (the other control characters, DEL, the C1 controls and the noncharacters such
 * as U+FDD0 and U+FFFE).
 */
public final class Text {

	private Text() {
	}

	/**
	 * @param text what was sent, or {@code null}
	 * @return it, clean; empty for {@code null}
	 */
	public static String clean(@Nullable String text) {
		if (text == null) {
			return "";
		}
		String lines = text.replace("\r\n", "\n").replace('\r', '\n').replace('\0', '\uFFFD');
		StringBuilder clean = null;
		for (int i = 0; i < lines.length();) {
			int c = lines.codePointAt(i);
			int next = i + Character.charCount(c);
			if (forbidden(c)) {
				if (clean == null) {
					clean = new StringBuilder(lines.length()).append(lines, 0, i);
				}
			}
			else if (clean != null) {
				clean.appendCodePoint(c);
			}
			i = next;
		}
		return (clean != null) ? clean.toString() : lines;
	}

	/**
	 * @param c a code point
	 * @return whether HTML forbids it in a document (controls but for tab and line feed,
	 * noncharacters, lone surrogates)
	 */
	static boolean forbidden(int c) {
		if (c < 0x20) {
			return c != '\n' && c != '\t';
		}
		if (c >= 0x7f && c <= 0x9f) {
			return true;
		}
		if (c >= 0xfdd0 && c <= 0xfdef) {
			return true;
		}
		return (c & 0xfffe) == 0xfffe || (c <= 0xffff && Character.isSurrogate((char) c));
	}

	/**
	 * @param text what a mail header should say
	 * @return it on one line, without the line breaks that could start a header of its
	 * own, at most 150 characters
	 */
	public static String oneLine(String text) {
		String line = text.replaceAll("[\\r\\n\\t\\u2028\\u2029]+", " ").strip();
		return (line.length() > 150) ? line.substring(0, 150) + "…" : line;
	}

}
