package blog.system;

import java.time.Clock;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The language of the blog's own words, from the browser's {@code Accept-Language}
	 * ({@link Languages}); a reader cannot set another.
	 */
	@Bean
	LocaleResolver localeResolver(Languages languages) {
		return new LocaleResolver() {

			@Override
			public Locale resolveLocale(HttpServletRequest request) {
				return languages.choose(request.getHeader("Accept-Language"));
			}

			@Override
			public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response,
					@Nullable Locale locale) {
				throw new UnsupportedOperationException("the language follows the browser's Accept-Language");
			}

		};
	}

}
