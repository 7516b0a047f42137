package blog.post;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad content file into Spring Boot's "APPLICATION FAILED TO START" report: one
 * line naming the file, the line and the fault, and what to do about it, without a stack
 * trace.
 */
class ContentFailureAnalyzer extends AbstractFailureAnalyzer<ContentException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ContentException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the content file named above (see docs/content.md), or point blog.content-dir "
						+ "at another folder.",
				cause);
	}

}
