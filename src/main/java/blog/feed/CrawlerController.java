package blog.feed;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import blog.post.Post;
import blog.post.PostCatalog;
import blog.post.Site;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * For search engines: {@code /sitemap.xml} (sitemaps.org 0.9: the home page, every post,
 * every label page) and {@code /robots.txt}, which points at it and keeps crawlers out of
 * the desk and the comment forms' answers. Both change only with {@code content/}, so
 * they are written once.
 */
@RestController
class CrawlerController {

	static final String SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

	private final String sitemap;

	private final String robots;

	CrawlerController(PostCatalog catalog) {
		this.sitemap = sitemap(catalog);
		this.robots = robots(catalog.site());
	}

	@GetMapping(path = "/sitemap.xml")
	ResponseEntity<String> sitemap() {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.APPLICATION_XML, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.eTag("\"" + Integer.toHexString(this.sitemap.hashCode()) + "\"")
			.body(this.sitemap);
	}

	@GetMapping(path = "/robots.txt")
	ResponseEntity<String> robots() {
		return ResponseEntity.ok()
			.contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noCache())
			.body(this.robots);
	}

	private static String sitemap(PostCatalog catalog) {
		Site site = catalog.site();
		StringWriter text = new StringWriter();
		try {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeStartElement("urlset");
			xml.writeDefaultNamespace(SITEMAP_NAMESPACE);
			url(xml, site.absolute("/"), day(catalog.newest()));
			Set<String> labels = new LinkedHashSet<>();
			for (Post post : catalog.posts()) {
				url(xml, site.absolute(post.permalink()), day(post));
				labels.addAll(post.labels());
			}
			for (String label : labels) {
				url(xml, site.absolute("/search/label/" + UriUtils.encodePathSegment(label, StandardCharsets.UTF_8)),
						day(catalog.withLabel(label).get(0)));
			}
			xml.writeCharacters("\n");
			xml.writeEndElement();
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("Could not write the sitemap", ex);
		}
		return text.toString();
	}

	/** sitemaps take a whole date: a post known by its month counts from its first day */
	private static String day(Post post) {
		return post.published().instant().atOffset(ZoneOffset.UTC).toLocalDate().toString();
	}

	private static void url(XMLStreamWriter xml, String location, String lastModified) throws XMLStreamException {
		xml.writeCharacters("\n  ");
		xml.writeStartElement("url");
		xml.writeStartElement("loc");
		xml.writeCharacters(location);
		xml.writeEndElement();
		xml.writeStartElement("lastmod");
		xml.writeCharacters(lastModified);
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static String robots(Site site) {
		return """
				User-agent: *
				Disallow: /admin
				Disallow: /login
				Disallow: /comments/
				Disallow: /*?reply=
				Disallow: /search?
				Allow: /

				Sitemap: %s
				""".formatted(site.absolute("/sitemap.xml"));
	}

}
