package blog.system;

import java.time.Clock;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
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
	 * eight or nine writes, a 64 KB one in one or two (bench/run: see README).
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> pageSizedSocketBuffer() {
		return (factory) -> factory
			.addConnectorCustomizers((connector) -> connector.setProperty("socket.appWriteBufSize", "65536"));
	}

}
