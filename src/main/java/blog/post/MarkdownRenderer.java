package blog.post;

import java.util.List;

import com.vladsch.flexmark.ext.yaml.front.matter.YamlFrontMatterExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataSet;

/**
 * Owns flexmark for posts: options built once, one {@link Parser} and one
 * {@link HtmlRenderer}, shared by every caller (built instances keep no per-document
 * state). Post bodies come from the blog's own files and are trusted; comments get a
 * stricter renderer of their own.
 */
final class MarkdownRenderer {

	private final Parser parser;

	private final HtmlRenderer renderer;

	MarkdownRenderer() {
		DataHolder options = new MutableDataSet().set(Parser.EXTENSIONS, List.of(YamlFrontMatterExtension.create()))
			// ids on headings, so that each section of an essay can be linked to
			.set(HtmlRenderer.GENERATE_HEADER_ID, true)
			.set(HtmlRenderer.RENDER_HEADER_ID, true)
			.toImmutable();
		this.parser = Parser.builder(options).build();
		this.renderer = HtmlRenderer.builder(options).build();
	}

	Document parse(String markdown) {
		return this.parser.parse(markdown);
	}

	String render(Document document) {
		return this.renderer.render(document);
	}

}
