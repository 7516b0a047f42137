package blog.post;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.ui.Model;

/**
 * What a post's page shows beside the post itself: its readers' comments and the form to
 * add one. Declared here, where the page is made, and implemented in comment/: a comment
 * belongs to a post, so comment/ may know post/, never the reverse.
 */
public interface Discussion {

	/**
	 * @param slug a post
	 * @return a number that moves, once a change is committed, whenever what readers see
	 * of the post's comments may have changed (the pages kept in memory follow it)
	 */
	long version(String slug);

	/**
	 * @param slug a post
	 * @return a token for the post's comment form, as given to a reader now
	 */
	String formToken(String slug);

	/**
	 * Adds to a post page's model a page of the thread and the comment form. A form
	 * already in the model (sent back with its faults) is kept as it is.
	 * @param post the post
	 * @param page which page of comments, from 1
	 * @param model the page's model
	 * @return what the page's linked data says of the comments; empty when the post has
	 * no such page of comments
	 */
	Optional<Shown> show(Post post, int page, Model model);

	/**
	 * Adds what one reader's own view of the page says, from its query: the comment it
	 * replies to, or what became of the comment it just posted, deleted or reported. A
	 * page for one reader alone is marked not to be kept.
	 * @param post the post
	 * @param request the reader's request
	 * @param response its answer, for the headers of such a page
	 * @param model the page's model
	 */
	void personalize(Post post, HttpServletRequest request, HttpServletResponse response, Model model);

	/**
	 * @param post the post
	 * @param epochMilli when a comment was written, in milliseconds (Blogger's links to a
	 * comment: {@code ?showComment=})
	 * @return where that comment is now shown, if readers see it
	 */
	Optional<String> placeOfCommentWrittenAt(Post post, long epochMilli);

	/**
	 * What a page shows of the thread, for its linked data.
	 *
	 * @param count the published comments on the post, replies included
	 * @param comments the published comments on this page, in reading order
	 */
	record Shown(int count, List<ShownComment> comments) {

		public Shown {
			comments = List.copyOf(comments);
		}

	}

	/**
	 * A published comment as the page's linked data names it.
	 *
	 * @param id its number, in its anchor {@code #comment-N}
	 * @param author the name its writer gave
	 * @param created when it was written, ISO 8601
	 * @param text what its writer typed
	 */
	record ShownComment(long id, String author, String created, String text) {
	}

}
