/**
 * The author's statistics: page views and visitors per day, where readers come from, the
 * links they follow out, robots apart, feed subscribers; counted in memory from what the
 * web server tells of each answer, added to daily totals every few seconds. Nothing is
 * kept about any one reader. Uses {@code system} and {@code post}; the desk shows it.
 */
@NullMarked
package blog.stats;

import org.jspecify.annotations.NullMarked;
