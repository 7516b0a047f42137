package blog.post;

import blog.system.BlogProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PostConfiguration {

	@Bean
	PostCatalog postCatalog(BlogProperties properties) {
		ContentLoader.Content content = new ContentLoader(new MarkdownRenderer()).load(properties.contentDir());
		Site site = content.site();
		if (properties.baseUrl() != null) {
			site = new Site(site.title(), site.description(), properties.baseUrl(), site.originalBlog());
		}
		return new PostCatalog(site, content.popular(), content.popularAuto(), content.posts());
	}

}
