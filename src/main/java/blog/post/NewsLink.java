package blog.post;

import java.net.URI;

/**
 * The news item a post points readers to, shown as a link card under the essay.
 *
 * @param title the item's headline, as its source gives it
 * @param url where the item is read
 * @param source the service that carries it, such as SmartNews
 */
public record NewsLink(String title, URI url, String source) {

}
