package blog.system;

import java.util.regex.Pattern;

import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.IterableConfigurationPropertySource;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The web server, Jetty 12: the application's {@link EarlyAnswers} before the servlet
 * layer, the blog's own page for requests Jetty refuses, and the client's address from
 * trusted proxies only.
 */
@Configuration(proxyBeanMethods = false)
class JettyConfiguration {

	private static final ConfigurationPropertyName TOMCAT = ConfigurationPropertyName.of("server.tomcat");

	@Bean
	WebServerFactoryCustomizer<JettyServletWebServerFactory> jettyServer(BlogProperties properties,
			Environment environment, ObjectProvider<EarlyAnswers> answers, ObjectProvider<Traffic> traffic) {
		refuseRetiredSettings(environment);
		return (factory) -> {
			// Jetty's own forwarding trusts every client, and the left-most address:
			// TrustedProxies does it instead, for the proxies named only
			factory.setUseForwardHeaders(false);
			factory.addServerCustomizers((server) -> {
				server.setErrorHandler(new ShortErrorPage());
				if (properties.trustedProxies() != null) {
					TrustedProxies proxies = new TrustedProxies(Pattern.compile(properties.trustedProxies()));
					for (Connector connector : server.getConnectors()) {
						HttpConfiguration http = connector
							.getConnectionFactory(HttpConfiguration.ConnectionFactory.class)
							.getHttpConfiguration();
						http.addCustomizer(proxies);
					}
				}
				EarlyAnswerHandler early = new EarlyAnswerHandler(answers);
				early.setHandler(server.getHandler());
				server.setHandler(early);
				server.setRequestLog(new TrafficLog(traffic));
			});
		};
	}

	/**
	 * Stops the start on settings of the server the blog ran on before (Tomcat), and on
	 * Spring Boot's forwarding switch, which would trust every client's
	 * {@code X-Forwarded-For}: each would otherwise be ignored without a word.
	 */
	private static void refuseRetiredSettings(Environment environment) {
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			if (source instanceof IterableConfigurationPropertySource names) {
				names.stream().filter(TOMCAT::isAncestorOf).findFirst().ifPresent((name) -> {
					throw new RetiredSettingException("The setting " + name + " is not read: the blog runs on Jetty.",
							"Remove it. Behind a reverse proxy, name the proxies' addresses in blog.trusted-proxies "
									+ "(it was server.tomcat.remoteip.internal-proxies); see docs/operations.md.");
				});
			}
		}
		String strategy = Binder.get(environment).bind("server.forward-headers-strategy", String.class).orElse("none");
		if (!"none".equalsIgnoreCase(strategy)) {
			throw new RetiredSettingException(
					"The setting server.forward-headers-strategy=" + strategy
							+ " would believe every client's X-Forwarded-For.",
					"Remove it, and name the reverse proxies' addresses in blog.trusted-proxies: their "
							+ "X-Forwarded-For, -Proto and -Port are believed, nobody else's (docs/operations.md).");
		}
	}

}
