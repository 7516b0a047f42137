package blog.admin;

import java.io.IOException;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;

import blog.comment.CommentArchive;
import blog.comment.ImportException;
import blog.post.PostCatalog;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.view.RedirectView;

/**
 * Comments out and in: the JSON export as a download, and the import of that file or of a
 * Blogger export, each a POST answered with a redirect and what it did, or with the page
 * again and the file's fault (nothing imported).
 */
@Controller
class ArchiveController {

	private final Desk desk;

	private final PostCatalog catalog;

	ArchiveController(Desk desk, PostCatalog catalog) {
		this.desk = desk;
		this.catalog = catalog;
	}

	@GetMapping("/admin/archive")
	String showArchive(Model model) {
		model.addAttribute("posts", this.catalog.posts());
		return "admin/archive";
	}

	@GetMapping("/admin/export.json")
	ResponseEntity<StreamingResponseBody> export(Principal editor) {
		String name = "comments-" + LocalDate.now(ZoneOffset.UTC) + ".json";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body((out) -> this.desk.export(editor.getName(), out));
	}

	@PostMapping("/admin/import")
	ModelAndView importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Principal editor, Model model, RedirectAttributes redirect) throws IOException {
		if (file == null || file.isEmpty()) {
			return page(model, "Choose a file to import: nothing was imported.", HttpStatus.UNPROCESSABLE_CONTENT);
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "the file";
		try {
			CommentArchive.Result result = this.desk.importFile(editor.getName(), name, file.getBytes());
			redirect.addFlashAttribute("done", said(name, result));
			RedirectView back = new RedirectView("/admin/archive", true);
			back.setStatusCode(HttpStatus.SEE_OTHER);
			back.setExposeModelAttributes(false);
			return new ModelAndView(back);
		}
		catch (ImportException ex) {
			return page(model, "Nothing was imported from " + name + ". " + ex.getMessage(),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(Model model) {
		return page(model, "That file is larger than 10 MB: nothing was imported.", HttpStatus.CONTENT_TOO_LARGE);
	}

	private ModelAndView page(Model model, String problem, HttpStatus status) {
		model.addAttribute("posts", this.catalog.posts());
		model.addAttribute("problem", problem);
		return new ModelAndView("admin/archive", model.asMap(), status);
	}

	static String said(String name, CommentArchive.Result result) {
		StringBuilder said = new StringBuilder("From ").append(name).append(": ");
		said.append((result.added() == 1) ? "1 comment added" : result.added() + " comments added");
		if (result.alreadyHere() > 0) {
			said.append("; ").append(result.alreadyHere()).append(" already here");
		}
		said.append('.');
		if (result.notHere() > 0) {
			said.append(' ')
				.append(result.notHere())
				.append((result.notHere() == 1) ? " comment is" : " comments are")
				.append(" on posts this blog does not have, left out: ")
				.append(String.join(", ", result.notHerePaths()))
				.append('.');
		}
		if (result.left() > 0) {
			said.append(' ').append(result.left()).append(" deleted or spam in the file, left out.");
		}
		return said.toString();
	}

}
