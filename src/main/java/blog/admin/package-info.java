/**
 * The editor's desk: login, the moderation queue, the audit trail, and import and export
 * of comments.
 */
@NullMarked
package blog.admin;

import org.jspecify.annotations.NullMarked;
