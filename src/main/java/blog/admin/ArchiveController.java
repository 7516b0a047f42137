package blog.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Principal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import blog.comment.archive.CommentArchive;
import blog.comment.archive.ImportException;
import blog.post.PostCatalog;
import blog.system.SeeOther;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.server.ResponseStatusException;
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

	private final Backups backups;

	ArchiveController(Desk desk, PostCatalog catalog, Backups backups) {
		this.desk = desk;
		this.catalog = catalog;
		this.backups = backups;
	}

	@GetMapping("/admin/archive")
	String showArchive(Model model) throws IOException {
		model.addAttribute("posts", this.catalog.posts());
		addBackups(model);
		return "admin/archive";
	}

	@PostMapping("/admin/backup")
	RedirectView backUp(Principal editor, RedirectAttributes redirect) throws IOException {
		Path backup = this.desk.backUp(editor.getName());
		redirect.addFlashAttribute("done",
				"Backup written: " + backup.getFileName() + " (" + kilobytes(Files.size(backup)) + ").");
		return SeeOther.to("/admin/archive");
	}

	@GetMapping("/admin/backups/{name}")
	ResponseEntity<Resource> downloadBackup(@PathVariable String name) {
		Path backup = this.backups.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType("application/zip"))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(new FileSystemResource(backup));
	}

	private void addBackups(Model model) throws IOException {
		model.addAttribute("backupsSupported", this.backups.supported());
		List<Backup> list = new ArrayList<>();
		for (Path file : this.backups.list()) {
			list.add(new Backup(file.getFileName().toString(), kilobytes(Files.size(file))));
		}
		model.addAttribute("backups", list);
	}

	private static String kilobytes(long bytes) {
		return String.format(Locale.ROOT, "%,d KB", (bytes + 1023) / 1024);
	}

	/**
	 * A backup on the page.
	 *
	 * @param name its file name
	 * @param size its size, for people
	 */
	record Backup(String name, String size) {
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
			return new ModelAndView(SeeOther.to("/admin/archive"));
		}
		catch (ImportException ex) {
			return page(model, "Nothing was imported from " + name + ". " + ex.getMessage(),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(Model model) throws IOException {
		return page(model, "That file is larger than 10 MB: nothing was imported.", HttpStatus.CONTENT_TOO_LARGE);
	}

	private ModelAndView page(Model model, String problem, HttpStatus status) throws IOException {
		model.addAttribute("posts", this.catalog.posts());
		addBackups(model);
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
