package org.participe.base.database;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything connects to it, and says which in one log line:
 * a configured datasource ({@code spring.datasource.url}) wins; otherwise a real PostgreSQL is
 * started in-process from the embedded binaries, its data kept under {@code participe.embedded-db.data-dir}.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "participeEmbeddedDatabase";

    private final Log log;

    public EmbeddedDatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.getPropertySources().contains(PROPERTY_SOURCE)) {
            return;
        }
        String configuredUrl = environment.getProperty("spring.datasource.url");
        if (StringUtils.hasText(configuredUrl)) {
            log.info("Database: configured datasource " + withoutCredentials(configuredUrl));
            return;
        }
        if (!environment.getProperty("participe.embedded-db.enabled", Boolean.class, true)) {
            log.warn("Database: none configured and the embedded PostgreSQL is switched off (participe.embedded-db.enabled=false)");
            return;
        }
        var settings = new EmbeddedDatabase.Settings(
                environment.getProperty("participe.embedded-db.data-dir", ".participe/postgres"),
                environment.getProperty("participe.embedded-db.reset", Boolean.class, false),
                environment.getProperty("participe.embedded-db.ephemeral", Boolean.class, false));
        EmbeddedDatabase database = EmbeddedDatabase.start(settings);
        if (!settings.ephemeral()) {
            // Stop PostgreSQL only after the application context (and its pool) is closed.
            SpringApplication.getShutdownHandlers().add(database::stop);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", EmbeddedDatabase.USER,
                "spring.datasource.password", EmbeddedDatabase.PASSWORD)));
        log.info("Database: embedded PostgreSQL " + database.serverVersion() + " on port " + database.port()
                + (settings.ephemeral() ? " (temporary data)" : ", data in " + database.dataDirectory()
                + " (reset with --participe.embedded-db.reset=true)"));
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
