/**
 * Readers' comments: the form, the rules for writing and deleting, the one place that
 * holds the {@code comment} table's SQL, and the threads shown under each post (this
 * package implements {@link blog.post.Discussion}).
 */
@NullMarked
package blog.comment;

import org.jspecify.annotations.NullMarked;
