package blog.comment;

import java.util.Optional;

import blog.comment.CommentProperties.Moderation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which comments wait for the editor. The editor's choice is kept in the database and
 * overrides {@code blog.comments.moderation}, the default; it is read for every comment,
 * so that every instance on one database follows it at once.
 */
@Component
public class ModerationMode {

	private static final String SETTING = "comments.moderation";

	private final JdbcClient jdbc;

	private final Moderation configured;

	ModerationMode(JdbcClient jdbc, CommentProperties properties) {
		this.jdbc = jdbc;
		this.configured = properties.moderation();
	}

	/**
	 * @return the mode in force
	 */
	public Moderation current() {
		return chosen().orElse(this.configured);
	}

	/**
	 * @return the configured default, which the editor's choice overrides
	 */
	public Moderation configured() {
		return this.configured;
	}

	/**
	 * @return the editor's choice, if one was made
	 */
	public Optional<Moderation> chosen() {
		return this.jdbc.sql("select setting_value from setting where name = :name")
			.param("name", SETTING)
			.query(String.class)
			.optional()
			.flatMap(ModerationMode::parse);
	}

	/**
	 * Keeps the editor's choice.
	 * @param mode the mode from now on
	 */
	public void choose(Moderation mode) {
		int updated = this.jdbc.sql("update setting set setting_value = :value where name = :name")
			.param("name", SETTING)
			.param("value", mode.name())
			.update();
		if (updated == 0) {
			this.jdbc.sql("insert into setting (name, setting_value) values (:name, :value)")
				.param("name", SETTING)
				.param("value", mode.name())
				.update();
		}
	}

	private static Optional<Moderation> parse(String value) {
		try {
			return Optional.of(Moderation.valueOf(value));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty(); // written by another version: the configured default
										// holds
		}
	}

}
