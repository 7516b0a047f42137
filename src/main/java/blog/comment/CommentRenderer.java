package blog.comment;

import java.util.Set;
import java.util.regex.Pattern;

import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

import org.springframework.stereotype.Component;

/**
 * Turns a reader's Markdown into HTML that is safe to show: flexmark with a small, strict
 * setup (raw HTML escaped, no headings, no rules, images shown as their text), then the
 * OWASP sanitizer, which lets through only the elements below and only absolute http,
 * https and mailto links, each marked {@code rel="nofollow ugc noopener"}. Rendered once,
 * when the comment is written.
 */
@Component
public class CommentRenderer {

	private static final Pattern LINK = Pattern.compile("(?i)(https?://|mailto:|www\\.)\\S");

	/**
	 * An absolute http or https address with a host, or a mailto: the protocol check
	 * alone lets a relative address through ({@code .x}, {@code /x}, {@code //host},
	 * {@code #x}, {@code ?x}), which would point into this blog or at another host
	 * without saying so. Matched against the whole, entity-decoded value.
	 */
	private static final Pattern ABSOLUTE_LINK = Pattern.compile("(?is)(?:https?://[^/?#\\\\\\s]|mailto:\\S).*");

	private final Parser parser;

	private final HtmlRenderer renderer;

	private final PolicyFactory policy = new HtmlPolicyBuilder()
		.allowElements("p", "br", "em", "strong", "code", "pre", "blockquote", "ul", "ol", "li", "a")
		.allowUrlProtocols("https", "http", "mailto")
		.allowAttributes("href")
		.matching(ABSOLUTE_LINK)
		.onElements("a")
		.requireRelsOnLinks("nofollow", "ugc", "noopener")
		.toFactory();

	private final PolicyFactory imported = this.policy
		.and(new HtmlPolicyBuilder().allowElements((name, attributes) -> "strong", "b")
			.allowElements((name, attributes) -> "em", "i")
			.toFactory());

	CommentRenderer() {
		DataHolder options = new MutableDataSet().set(HtmlRenderer.ESCAPE_HTML, true)
			.set(HtmlRenderer.SOFT_BREAK, "<br />\n")
			.set(Parser.HEADING_PARSER, false)
			.set(Parser.THEMATIC_BREAK_PARSER, false)
			.set(Parser.HTML_BLOCK_PARSER, false)
			.toImmutable();
		this.parser = Parser.builder(options).build();
		this.renderer = HtmlRenderer.builder(options).nodeRendererFactory((ignored) -> new ImageAsText()).build();
	}

	/**
	 * @param markdown what the reader wrote
	 * @return HTML for readers, holding nothing that runs or loads
	 */
	public String render(String markdown) {
		return this.policy.sanitize(this.renderer.render(this.parser.parse(markdown)));
	}

	/**
	 * @param html a comment's HTML from elsewhere (an import): {@code b} and {@code i}
	 * become {@code strong} and {@code em}, and what readers' own comments could not hold
	 * goes
	 * @return HTML for readers, holding nothing that runs or loads
	 */
	public String sanitize(String html) {
		return this.imported.sanitize(html);
	}

	/**
	 * @param markdown what the reader wrote
	 * @return whether it holds a link or a web address
	 */
	public boolean hasLink(String markdown) {
		return LINK.matcher(markdown).find();
	}

	/**
	 * Comments show no images: {@code ![alt](url)} stays as the reader typed it.
	 */
	private static final class ImageAsText implements NodeRenderer {

		@Override
		public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
			return Set.of(new NodeRenderingHandler<>(Image.class,
					(node, context, html) -> html.text(node.getChars().toString())));
		}

	}

}
