package blog.system;

/**
 * A setting the blog no longer reads was given: starting without it would silently change
 * what the blog does (such as whose {@code X-Forwarded-For} it believes), so the start
 * stops and says what to set instead.
 */
class RetiredSettingException extends RuntimeException {

	private final String instead;

	RetiredSettingException(String message, String instead) {
		super(message);
		this.instead = instead;
	}

	String instead() {
		return this.instead;
	}

}
