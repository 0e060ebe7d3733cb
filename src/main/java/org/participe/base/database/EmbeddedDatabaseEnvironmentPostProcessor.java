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
        boolean productionBuild = isProductionBuild();
        if (!environment.getProperty("participe.embedded-db.enabled", Boolean.class, !productionBuild)) {
            throw new IllegalStateException("No database configured: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                    + "SPRING_DATASOURCE_PASSWORD" + (productionBuild
                    ? " (a production build does not start the embedded PostgreSQL unless PARTICIPE_EMBEDDED_DB_ENABLED=true)"
                    : " or allow the embedded PostgreSQL (PARTICIPE_EMBEDDED_DB_ENABLED=true)"));
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
                "spring.datasource.password", EmbeddedDatabase.PASSWORD)));
        log.info("Database: embedded PostgreSQL " + database.serverVersion() + " on port " + database.port()
                + (settings.ephemeral() ? " (temporary data)" : ", data in " + database.dataDirectory()
                + " (reset with --participe.embedded-db.reset=true)"));
    }

    /** Vaadin's production build marks itself in its build info; the run command is never one. */
    private static boolean isProductionBuild() {
        var info = EmbeddedDatabaseEnvironmentPostProcessor.class.getClassLoader().getResource("META-INF/VAADIN/config/flow-build-info.json");
        if (info == null) {
            return false;
        }
        try (var in = info.openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replaceAll("\\s", "").contains("\"productionMode\":true");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    static String withoutCredentials(String url) {
        return url.replaceAll("(?i)(password|user)=[^&;]*", "$1=***");
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
