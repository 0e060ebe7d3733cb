package org.participe.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.Application;
import org.participe.base.database.EmbeddedDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The run command's demo town, as a newcomer meets it: a first start seeds it, a seeding stopped
 * half-way leaves nothing behind, and every later start works and says what it found. The
 * application starts for real (its start-up runs the seeding) on a PostgreSQL of its own, since
 * the demo town would fill the database other tests share.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoDataIT {

    private static EmbeddedDatabase database;

    @BeforeAll
    static void ownDatabase() {
        database = EmbeddedDatabase.start(new EmbeddedDatabase.Settings("target/demo-data-it-postgres", true, false));
    }

    @AfterAll
    static void stopDatabase() {
        database.stop();
    }

    private static ConfigurableApplicationContext start(boolean demo) {
        return new SpringApplicationBuilder(Application.class).run("--participe.test-infrastructure.enabled=false",
                "--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + EmbeddedDatabase.USER,
                "--spring.datasource.password=" + database.password(), "--participe.demo.enabled=" + demo,
                "--server.port=0", "--spring.mail.host=");
    }

    @Test
    void aSeedingInterruptedHalfWayLeavesNothingAndTheNextStartsSeedFullyThenOnlyLook(CapturedOutput output) throws SQLException {
        start(false).close(); // the schema, as Flyway makes it at any first start
        // A failure late in the seeding, after the town, accounts, ideas and projects were written.
        sql("""
                create function refuse_demo() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$;
                create trigger refuse_demo before insert on reference_population for each row execute function refuse_demo();
                """);
        assertThatThrownBy(() -> start(true)).hasStackTraceContaining("injected failure");
        assertThat(output.getAll()).contains("Demo data: empty database, seeding…");
        assertThat(count("account")).isZero();
        assertThat(count("town_settings")).isZero();
        assertThat(count("neighbourhood")).isZero();
        assertThat(count("category")).isZero();
        assertThat(count("idea")).isZero();

        // What an interrupted seeding left before it was one transaction: a neighbourhood, no account.
        sql("drop trigger refuse_demo on reference_population; insert into neighbourhood (name, position) values ('Centre-ville', 1)");
        try (var context = start(true)) {
            assertThat(output.getAll()).contains("Demo data: a town without accounts (a seeding interrupted by an earlier version), resuming…")
                    .contains("Demo data: seeded town Villeparisis, 6 neighbourhoods");
        }
        assertThat(count("account")).isEqualTo(44);
        assertThat(count("neighbourhood")).isEqualTo(6);
        long ideas = count("idea"); // the demo's ideas and the moderation examples' own
        assertThat(ideas).isGreaterThanOrEqualTo(DemoIdeas.ALL.size());
        assertThat(count("reference_population")).isPositive();
        assertThat(single("select coalesce(sum(supports), 0) from activity_daily")).as("the daily rollup counts each support once")
                .isEqualTo(count("support"));

        try (var context = start(true)) {
            assertThat(output.getAll()).contains("Demo data: already present (44 accounts), nothing to do");
        }
        assertThat(count("account")).isEqualTo(44);
        assertThat(count("idea")).isEqualTo(ideas);
    }

    private static Connection connection() throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, database.password());
    }

    private static void sql(String statements) throws SQLException {
        try (Connection connection = connection(); var statement = connection.createStatement()) {
            statement.execute(statements);
        }
    }

    private static long count(String table) throws SQLException {
        return single("select count(*) from " + table);
    }

    private static long single(String query) throws SQLException {
        try (Connection connection = connection(); var statement = connection.createStatement();
             var rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
