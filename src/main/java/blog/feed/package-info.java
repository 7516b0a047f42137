/**
 * Feeds, the sitemap and robots.txt: how aggregators and search engines find the blog, at
 * the addresses Blogger gave them.
 */
@NullMarked
package blog.feed;

import org.jspecify.annotations.NullMarked;
