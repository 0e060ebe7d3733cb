package org.participe.follows;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * V18 moves "follow what I support" from {@code account} (owned by accounts) to
 * {@code follow_settings} (owned by follows) and keeps everyone's choice: migrated for real, on a
 * database of its own on the tests' PostgreSQL server, from the schema before it.
 */
@SpringBootTest
class FollowSettingsMigrationIT {

    private static final String DATABASE = "participe_v18_test";

    @Autowired DataSourceProperties shared;
    @Autowired JdbcTemplate jdbc;

    @Test
    void theSettingMovesToTheFollowsTableWithEveryonesChoice() {
        jdbc.execute("drop database if exists " + DATABASE);
        jdbc.execute("create database " + DATABASE);
        try {
            var before = new DriverManagerDataSource(shared.determineUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + DATABASE + "$1"),
                    shared.determineUsername(), shared.determinePassword());
            Flyway.configure().dataSource(before).locations("classpath:db/migration").target(lastVersionBefore(18)).load().migrate();
            JdbcTemplate old = new JdbcTemplate(before);
            old.update("""
                    insert into account (email, display_name, password_hash, terms_accepted_at, follow_on_support)
                    values ('keen@test.invalid', 'Keen', 'x', now(), true), ('quiet@test.invalid', 'Quiet', 'x', now(), false)""");

            Flyway.configure().dataSource(before).locations("classpath:db/migration").load().migrate();

            List<Map<String, Object>> settings = old.queryForList("""
                    select a.email, s.follow_on_support from account a left join follow_settings s on s.account_id = a.id order by a.email""");
            assertThat(settings).extracting(row -> row.get("email") + "=" + row.get("follow_on_support"))
                    .as("the one who switched it off keeps it off; the other keeps the default, on")
                    .containsExactly("keen@test.invalid=null", "quiet@test.invalid=false");
            assertThat(old.queryForObject("""
                    select count(*) from information_schema.columns where table_name = 'account' and column_name = 'follow_on_support'""",
                    Integer.class)).as("the column left account").isZero();
        } finally {
            jdbc.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    /** Flyway refuses a target version that no migration has. */
    private static String lastVersionBefore(int version) {
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            return String.valueOf(migrations.map(path -> path.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .mapToInt(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .filter(v -> v < version).max().orElseThrow());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
