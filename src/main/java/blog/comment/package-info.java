@NullMarked
package blog.comment;

import org.jspecify.annotations.NullMarked;
