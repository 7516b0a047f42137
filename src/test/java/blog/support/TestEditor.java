package blog.support;

/**
 * The editor's login in every test: {@code blog.admin.password-hash} in the tests'
 * {@code config/application.properties} is {@link #PASSWORD_HASH}.
 */
public final class TestEditor {

	public static final String USERNAME = "editor";

	public static final String PASSWORD = "correct horse battery staple";

	/**
	 * {@link #PASSWORD}, bcrypt at its lowest cost, so that a login takes milliseconds
	 */
	public static final String PASSWORD_HASH = "{bcrypt}$2a$04$tl1TICJdg1vYj9N6JOlPyureslzCr3b9ljzOC2jTcIQC8Jh.7HxAC";

	private TestEditor() {
	}

}
