@NullMarked
package blog.system;

import org.jspecify.annotations.NullMarked;
