package blog.admin;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.validation.annotation.Validated;

/**
 * The editor's account and mail, {@code blog.admin.*}.
 *
 * @param username the editor's login name
 * @param passwordHash the editor's password as a {@code {bcrypt}} or {@code {argon2}}
 * hash; when not given, a one-time password is generated on first start and only its hash
 * kept in the data folder
 * @param mailTo where to mail the editor when a comment is held; no mail when not given,
 * or when {@code spring.mail.host} is not set
 * @param mailFrom the sender of those mails
 * @param purgeCron when spam and deleted comments past their 30 days are purged (a Spring
 * cron expression)
 */
@Validated
@ConfigurationProperties("blog.admin")
record AdminProperties(@DefaultValue("editor") String username, @Nullable String passwordHash, @Nullable String mailTo,
		@DefaultValue("blog@localhost") String mailFrom, @DefaultValue("0 30 3 * * *") String purgeCron) {

	AdminProperties {
		if (username.isBlank() || username.length() > 80 || !username.equals(username.strip())) {
			throw new IllegalArgumentException(
					"blog.admin.username must be 1 to 80 characters without spaces at either end");
		}
		if (passwordHash != null && !passwordHash.isBlank() && !passwordHash
			.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$[./A-Za-z0-9]{53}|\\{argon2}\\$argon2id?\\$.+")) {
			throw new IllegalArgumentException(
					"blog.admin.password-hash must be a {bcrypt}… or {argon2}… hash (see docs/desk.md),"
							+ " never the password itself");
		}
		if (!CronExpression.isValidExpression(purgeCron)) {
			throw new IllegalArgumentException("blog.admin.purge-cron must be a cron expression of six fields"
					+ " (second minute hour day month weekday), such as '0 30 3 * * *', not '" + purgeCron + "'");
		}
		for (String address : new String[] { mailTo, mailFrom }) {
			if (address != null && !address.isBlank() && !address.strip().matches("[^\\s@<>,;]+@[^\\s@<>,;]+")) {
				throw new IllegalArgumentException(
						"blog.admin.mail-to and mail-from must each be one mail address (name@host), not '" + address
								+ "'");
			}
		}
	}

}
