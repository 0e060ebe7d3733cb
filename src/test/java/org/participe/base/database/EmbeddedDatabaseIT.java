package org.participe.base.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * The run command's PostgreSQL keeps data as a server must and lets no one in without its password,
 * including a data directory made by an earlier version that trusted every local connection.
 */
class EmbeddedDatabaseIT {

    @Test
    void aDirectoryThatTrustedEveryoneGetsAPasswordAndKeepsIt() throws Exception {
        Path directory = Path.of("target/embedded-database-it-postgres").toAbsolutePath();
        FileSystemUtils.deleteRecursively(directory);
        // What the previous versions made: initdb -A trust, no password, fsync off.
        try (EmbeddedPostgres trusting = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false).start();
             Connection connection = trusting.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            statement.execute("create table kept (what text); insert into kept values ('demo data')");
        }

        EmbeddedDatabase database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(directory.toString(), false, false));
        String password;
        try {
            password = database.password();
            Path passwordFile = directory.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(Files.readString(passwordFile).strip()).isEqualTo(password).hasSizeGreaterThanOrEqualTo(32);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile))).isEqualTo("rw-------");
            assertThat(database.jdbcUrl()).doesNotContain(password).doesNotContain("user=");

            assertThatThrownBy(() -> DriverManager.getConnection(postgresDatabase(database), EmbeddedDatabase.USER, null).close())
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(postgresDatabase(database), EmbeddedDatabase.USER, "postgres").close())
                    .isInstanceOf(SQLException.class);
            try (Connection connection = DriverManager.getConnection(postgresDatabase(database), EmbeddedDatabase.USER, password)) {
                assertThat(setting(connection, "show fsync")).isEqualTo("on");
                assertThat(setting(connection, "show synchronous_commit")).isEqualTo("on");
                assertThat(setting(connection, "select what from kept")).isEqualTo("demo data");
            }
        } finally {
            database.stop();
        }

        // The next start (mvn spring-boot:run again) reads the same password.
        EmbeddedDatabase again = EmbeddedDatabase.start(new EmbeddedDatabase.Settings(directory.toString(), false, false));
        try (Connection connection = DriverManager.getConnection(again.jdbcUrl(), EmbeddedDatabase.USER, password)) {
            assertThat(again.password()).isEqualTo(password);
            assertThat(setting(connection, "select current_database()")).isEqualTo("participe");
        } finally {
            again.stop();
        }
    }

    private static String postgresDatabase(EmbeddedDatabase database) {
        return "jdbc:postgresql://localhost:" + database.port() + "/postgres";
    }

    private static String setting(Connection connection, String query) throws SQLException {
        try (var statement = connection.createStatement(); var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
