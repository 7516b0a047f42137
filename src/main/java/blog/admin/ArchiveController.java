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

import org.springframework.context.MessageSource;
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

	private final MessageSource messages;

	ArchiveController(Desk desk, PostCatalog catalog, Backups backups, MessageSource messages) {
		this.desk = desk;
		this.catalog = catalog;
		this.backups = backups;
		this.messages = messages;
	}

	@GetMapping("/admin/archive")
	String showArchive(Model model) throws IOException {
		model.addAttribute("posts", this.catalog.posts());
		addBackups(model);
		return "admin/archive";
	}

	@PostMapping("/admin/backup")
	RedirectView backUp(Principal editor, RedirectAttributes redirect, Locale locale) throws IOException {
		Path backup = this.desk.backUp(editor.getName());
		redirect.addFlashAttribute("done", this.messages.getMessage("desk.backups.written",
				new Object[] { backup.getFileName().toString(), kilobytes(Files.size(backup)) }, locale));
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

	/**
	 * @return the size in whole kilobytes, rounded up: the page writes it with the unit
	 */
	private static long kilobytes(long bytes) {
		return (bytes + 1023) / 1024;
	}

	/**
	 * A backup on the page.
	 *
	 * @param name its file name
	 * @param kilobytes its size, in kilobytes rounded up
	 */
	record Backup(String name, long kilobytes) {
	}

	/**
	 * Every comment as JSON; with {@code addresses=true}, the readers' mail addresses too
	 * (what they follow, which comments they wrote), for a move to another copy of the
	 * blog. Without it the file holds no address.
	 */
	@GetMapping("/admin/export.json")
	ResponseEntity<StreamingResponseBody> export(Principal editor,
			@RequestParam(defaultValue = "false") boolean addresses) {
		String name = "comments-" + LocalDate.now(ZoneOffset.UTC) + ".json";
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body((out) -> this.desk.export(editor.getName(), out, addresses));
	}

	@PostMapping("/admin/import")
	ModelAndView importFile(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			Principal editor, Model model, RedirectAttributes redirect, Locale locale) throws IOException {
		if (file == null || file.isEmpty()) {
			return page(model, this.messages.getMessage("desk.import.none", null, locale),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename()
				: this.messages.getMessage("desk.import.unnamed", null, locale);
		try {
			CommentArchive.Result result = this.desk.importFile(editor.getName(), name, file.getBytes());
			redirect.addFlashAttribute("done", said(this.messages, locale, name, result));
			return new ModelAndView(SeeOther.to("/admin/archive"));
		}
		catch (ImportException ex) {
			// the fault (its line, what is wrong) is the import's own, in English
			return page(model,
					this.messages.getMessage("desk.import.fault", new Object[] { name, ex.getMessage() }, locale),
					HttpStatus.UNPROCESSABLE_CONTENT);
		}
	}

	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ModelAndView tooLarge(Model model, Locale locale) throws IOException {
		return page(model, this.messages.getMessage("desk.import.large", null, locale), HttpStatus.CONTENT_TOO_LARGE);
	}

	private ModelAndView page(Model model, String problem, HttpStatus status) throws IOException {
		model.addAttribute("posts", this.catalog.posts());
		addBackups(model);
		model.addAttribute("problem", problem);
		return new ModelAndView("admin/archive", model.asMap(), status);
	}

	/**
	 * What an import did, in the words of {@code desk.properties}. Static, with the
	 * messages as an argument, because the command line says the same:
	 * {@link ArchiveCommand} passes its application context and {@link Locale#ENGLISH}.
	 * @param messages where the words come from
	 * @param locale the language to say it in
	 * @param name the file's name
	 * @param result what the import did
	 * @return one to three sentences
	 */
	static String said(MessageSource messages, Locale locale, String name, CommentArchive.Result result) {
		String said = (result.alreadyHere() > 0)
				? messages.getMessage("desk.import.added.already",
						new Object[] { name, result.added(), result.alreadyHere() }, locale)
				: messages.getMessage("desk.import.added", new Object[] { name, result.added() }, locale);
		if (result.notHere() > 0) {
			// the paths are addresses, the same in every language: a plain list
			String notHere = messages.getMessage("desk.import.not-here",
					new Object[] { result.notHere(), String.join(", ", result.notHerePaths()) }, locale);
			said = messages.getMessage("desk.sentences", new Object[] { said, notHere }, locale);
		}
		if (result.more() > 0) {
			String more = messages.getMessage("desk.import.addresses", new Object[] { result.more() }, locale);
			said = messages.getMessage("desk.sentences", new Object[] { said, more }, locale);
		}
		if (result.left() > 0) {
			String left = messages.getMessage("desk.import.left", new Object[] { result.left() }, locale);
			said = messages.getMessage("desk.sentences", new Object[] { said, left }, locale);
		}
		return said;
	}

}
