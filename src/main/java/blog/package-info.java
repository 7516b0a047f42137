@NullMarked
package blog;

import org.jspecify.annotations.NullMarked;
