package blog.post;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No post (or no label) at the address asked for: the reader gets the 404 page.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class PostNotFoundException extends RuntimeException {

	PostNotFoundException(String what) {
		super("not found: " + what);
	}

}
