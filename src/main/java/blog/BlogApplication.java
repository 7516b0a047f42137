package blog;

import blog.admin.ArchiveCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BlogApplication {

	public static void main(String[] args) {
		if (ArchiveCommand.isCommand(args)) {
			System.exit(ArchiveCommand.run(BlogApplication.class, args, System.out, System.err));
		}
		SpringApplication.run(BlogApplication.class, args);
	}

}
