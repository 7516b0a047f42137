/**
 * Comments out and in: this blog's JSON export, and the import of that file or of a
 * Blogger export.
 */
@NullMarked
package blog.comment.archive;

import org.jspecify.annotations.NullMarked;
