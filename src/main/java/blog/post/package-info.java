@NullMarked
package blog.post;

import org.jspecify.annotations.NullMarked;
