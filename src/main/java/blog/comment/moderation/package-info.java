/**
 * Moderation: the editor's queue and decisions over comments, and readers' reports.
 */
@NullMarked
package blog.comment.moderation;

import org.jspecify.annotations.NullMarked;
