package blog.system;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	/** the languages the blog's own words are in, the first the default */
	private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The language of the blog's own words, from the browser's {@code Accept-Language}:
	 * English, or German where the reader prefers it; the posts stay as written.
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
		resolver.setSupportedLocales(LANGUAGES);
		resolver.setDefaultLocale(Locale.ENGLISH);
		return resolver;
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> ownErrorReportValve() {
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(TomcatErrorReportValve.class.getName());
			}
		});
	}

	/**
	 * A post page is 40–70 KB: Tomcat's default 8 KB socket write buffer sends it in
	 * eight or nine writes, a 64 KB one in one or two (bench/run: see
	 * docs/benchmarks.md).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageSizedSocketBuffer() {
		return (factory) -> factory
			.addConnectorCustomizers((connector) -> connector.setProperty("socket.appWriteBufSize", "65536"));
	}

}
