/**
 * Mail to readers: replies and new comments on what they follow, new posts, each address
 * confirmed first (double opt-in), every mail with a one-click unsubscribe; an outbox in
 * the database, written in the transaction that causes a mail and sent by a worker with
 * retries. Uses {@code comment}, {@code post} and {@code system}; the desk uses it.
 */
@NullMarked
package blog.mail;

import org.jspecify.annotations.NullMarked;
