package org.participe.base.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries shipped as a Maven dependency: a development
 * convenience (the run command, the tests), absent from the production build. One server per
 * data directory and JVM: every Spring context of a test run shares it, and it stops with the JVM.
 * <p>
 * It keeps data as a server must: fsync and synchronous commits on (only the tests' throwaway
 * server turns them off, for speed), and every connection authenticated by a password (SCRAM)
 * generated at its first start and kept in {@value #PASSWORD_FILE} in the data directory, readable
 * by its owner only. A data directory made before, which trusted every local connection as
 * superuser, gets a password and a new {@code pg_hba.conf} at its next start.
 */
public final class EmbeddedDatabase {

    public static final String USER = "postgres";
    static final String PASSWORD_FILE = "participe-password";
    private static final String DATABASE = "participe";
    private static final String PASSWORD_AUTHENTICATION = """
            # Written by Participe at each start: every connection gives the password kept in participe-password.
            local   all   all                  scram-sha-256
            host    all   all   127.0.0.1/32   scram-sha-256
            host    all   all   ::1/128        scram-sha-256
            """;
    private static final ConcurrentMap<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();
    private static final AtomicReference<EmbeddedDatabase> EPHEMERAL = new AtomicReference<>();

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
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres server, Path dataDirectory, String password) {
        this.server = server;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    public static EmbeddedDatabase start(Settings settings) {
        if (settings.ephemeral()) {
            // Thrown away at the end of the test run: durability would only slow the tests down.
            return EPHEMERAL.updateAndGet(running -> running != null ? running : launch(temporaryDirectory(), true, "", false).stopWithJvm());
        }
        Path directory = Path.of(settings.dataDirectory()).toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(directory, dir -> launch(dir, settings.reset(), settings.serverOptions(), true));
    }

    private static EmbeddedDatabase launch(Path directory, boolean clean, String serverOptions, boolean durable) {
        try {
            if (clean) {
                deleteRecursively(directory);
            }
            Files.createDirectories(directory);
            Path passwordFile = directory.resolve(PASSWORD_FILE);
            String password = Files.exists(passwordFile) ? Files.readString(passwordFile).strip() : newPassword();
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // the library waits for the server with this password (ignored while a fresh or older directory still trusts)
                    .setConnectConfig("password", password)
                    // the library starts the server with -F (no fsync): a later -c wins
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("timezone", "UTC")
                    .setLocaleConfig("encoding", "UTF8");
            for (String option : serverOptions == null ? new String[0] : serverOptions.split(";")) {
                if (option.contains("=")) {
                    builder.setServerConfig(option.substring(0, option.indexOf('=')).strip(), option.substring(option.indexOf('=') + 1).strip());
                }
            }
            EmbeddedPostgres server = builder.start();
            if (!Files.exists(passwordFile)) {
                // kept before the server requires it, so that a stop in between cannot lock us out
                writeOwnerOnly(passwordFile, password);
            }
            requirePassword(server, directory, password);
            createDatabaseIfMissing(server);
            return new EmbeddedDatabase(server, directory, password);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + directory, e);
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.writeString(file, content + "\n");
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays in the user's own data directory
        }
    }

    /** Sets the superuser's password and replaces trust by password authentication (a directory made before did trust). */
    private static void requirePassword(EmbeddedPostgres server, Path directory, String password) throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            // the password is base64url: no quote can end the literal
            statement.execute("alter role " + USER + " with password '" + password + "'");
            Path hba = directory.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(PASSWORD_AUTHENTICATION)) {
                Files.writeString(hba, PASSWORD_AUTHENTICATION);
                statement.execute("select pg_reload_conf()");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The embedded PostgreSQL started but its password could not be set", e);
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

    /** Without credentials: they go apart ({@link #USER}, {@link #password()}), so that no log line shows them. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    public String password() {
        return password;
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
