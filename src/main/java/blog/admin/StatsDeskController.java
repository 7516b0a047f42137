package blog.admin;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

import blog.stats.Statistics;
import org.jspecify.annotations.Nullable;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The desk's Statistics page: views and visitors per day over 7, 30 or 365 days (a chart
 * and its table), the pages most read, where readers came from, the links they followed
 * out, robots apart and feed subscribers; and the daily figures as CSV.
 */
@Controller
class StatsDeskController {

	/** the robots' kinds, in the desk's words */
	private static final Map<String, String> ROBOTS = Map.of("search", "desk.stats.robot.search", "ai",
			"desk.stats.robot.ai", "feed", "desk.stats.robot.feed", "preview", "desk.stats.robot.preview", "monitor",
			"desk.stats.robot.monitor", "other", "desk.stats.robot.other");

	private final Statistics statistics;

	private final MessageSource messages;

	StatsDeskController(Statistics statistics, MessageSource messages) {
		this.statistics = statistics;
		this.messages = messages;
	}

	@GetMapping("/admin/stats")
	String showStats(@RequestParam(required = false) @Nullable String days, Model model, Locale locale) {
		int span = switch ((days != null) ? days : "30") {
			case "7" -> 7;
			case "365" -> 365;
			default -> 30;
		};
		Statistics.Report counted = this.statistics.report(span);
		Statistics.Report report = new Statistics.Report(counted.days(), counted.pages(), counted.referrers(),
				counted.campaigns(), counted.outbound(),
				counted.robots()
					.stream()
					.map((kind) -> new Statistics.Named(this.messages.getMessage(
							ROBOTS.getOrDefault(kind.name(), "desk.stats.robot.other"), null, locale), kind.n()))
					.toList(),
				counted.feeds());
		model.addAttribute("span", span);
		model.addAttribute("report", report);
		model.addAttribute("chart", StatsChart.of(report.days()));
		model.addAttribute("width", StatsChart.WIDTH);
		model.addAttribute("height", StatsChart.HEIGHT);
		return "admin/stats";
	}

	@GetMapping("/admin/stats.csv")
	ResponseEntity<byte[]> download() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header("Content-Disposition", ContentDisposition.attachment().filename("stats.csv").build().toString())
			.cacheControl(CacheControl.noStore())
			.body(this.statistics.csv().getBytes(StandardCharsets.UTF_8));
	}

}
