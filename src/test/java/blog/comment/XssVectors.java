package blog.comment;

import java.util.List;

/**
 * Hostile input: script and event-handler injection, dangerous link schemes (also hidden
 * by case and entities), SVG, MathML and iframes, attribute breaking, Thymeleaf
 * expression injection, Unicode direction overrides, a NUL byte and a very long word.
 * Each must be stored as written and shown as inert text.
 */
final class XssVectors {

	static final List<String> ALL = List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>",
			"<svg onload=alert(1)>", "<svg><script>alert(1)</script></svg>",
			"<iframe src=\"javascript:alert(1)\"></iframe>", "[click](javascript:alert(1))",
			"[click](JaVaScRiPt:alert(1))", "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
			"[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
			"[click](javascript&#58;alert(1))", "[click](java\tscript:alert(1))",
			"<a href=\"javascript:alert(1)\">x</a>", "\"><script>alert(1)</script>", "' onmouseover='alert(1)",
			"<body onload=alert(1)>", "<style>body{display:none}</style>",
			"<div style=\"background:url(javascript:alert(1))\">x</div>", "[[${7*7}]]", "__${7*7}__",
			"${T(java.lang.Runtime).getRuntime().exec('id')}", "[(${7*7})]", "*{7*7} #{7*7} @{/x}",
			"\u202Egnp.exe \u202Dnormal", "null\u0000byte", "![x](javascript:alert(1))",
			"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
			"<a href=\"https://example.org\" onclick=\"alert(1)\">x</a>",
			"[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")", "<scr<script>ipt>alert(1)</script>",
			"`<script>alert(1)</script>`", "<!--<script>alert(1)//-->", "</textarea><script>alert(1)</script>",
			"&lt;script&gt;alert(1)&lt;/script&gt;", "<object data=\"javascript:alert(1)\"></object>",
			"x".repeat(4900));

	private XssVectors() {
	}

	/**
	 * @return the vector as stored: NUL becomes U+FFFD, as HTML parsers make it
	 */
	static String stored(String vector) {
		return vector.replace('\0', '\uFFFD');
	}

	/**
	 * @return the vector cut to a name's 80 characters
	 */
	static String asName(String vector) {
		return (vector.length() > 80) ? vector.substring(0, 80) : vector;
	}

}
