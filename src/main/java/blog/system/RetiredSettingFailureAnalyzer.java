package blog.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a retired setting into Spring Boot's "APPLICATION FAILED TO START" report: what
 * was given, and what to set instead, without a stack trace.
 */
class RetiredSettingFailureAnalyzer extends AbstractFailureAnalyzer<RetiredSettingException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, RetiredSettingException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.instead(), cause);
	}

}
