package blog.system;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The blog's timed jobs ({@code @Scheduled} methods in any package: the daily purge, the
 * shared database's version poll, the rate buckets' clean-up) run on Spring's scheduler.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SchedulingConfiguration {

}
