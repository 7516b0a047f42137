package blog.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The answer to a POST that did what it was asked (Post/Redirect/Get): 303 See Other, so
 * that the browser fetches the next page with GET, and no model attribute in the address.
 */
public final class SeeOther {

	private SeeOther() {
	}

	/**
	 * @param path where to go next, on this blog
	 * @return the redirect
	 */
	public static RedirectView to(String path) {
		RedirectView view = new RedirectView(path, true);
		view.setStatusCode(HttpStatus.SEE_OTHER);
		view.setExposeModelAttributes(false);
		return view;
	}

}
