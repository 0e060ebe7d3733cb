package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who waits for the rollups to be folded before reading them (V28, {@link ActivityFold}): staff do,
 * so that the dashboard shows every action committed before it; residents and visitors never do,
 * so that a crowd on the public figures page during a vote neither queues behind a fold nor folds
 * itself. A fold "under way" is played by a connection holding the fold's advisory lock.
 */
@SpringBootTest
class FoldOnReadIT {

    @Autowired ReportingService reporting;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired Clock clock;

    @Test
    void visitorsReadWithoutWaitingForAFoldWhileStaffWaitForItAndSeeEverything() throws Exception {
        data.ensureTown();
        ParticipeUser staff = data.confirmedAccount("fold-read-staff", Roles.STAFF);
        ParticipeUser resident = data.confirmedAccount("fold-read-resident", Roles.RESIDENT);
        ReportPeriod thisMonth = ReportPeriod.thisMonth(clock);
        long category = town.categories().getFirst().id();

        try (Connection folding = dataSource.getConnection()) {
            folding.setAutoCommit(false);
            try (Statement statement = folding.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(reporting_fold_key())");
            }
            // Written while the fold is held: the journal keeps it (the job cannot take the lock either).
            jdbc.update("""
                    insert into idea (author_id, title, description, category_id, status, created_at, updated_at, published_at)
                    values (?, 'Une idée pendant le pli', 'Une description assez longue pour être acceptée.', ?, 'PUBLISHED', ?, ?, ?)""",
                    resident.accountId(), category, Timestamp.from(Instant.now(clock)), Timestamp.from(Instant.now(clock)),
                    Timestamp.from(Instant.now(clock)));

            List<MetricValue> publicFigures = CompletableFuture.supplyAsync(() -> anonymously(() -> reporting.publicFigures(thisMonth)))
                    .get(30, TimeUnit.SECONDS);
            assertThat(publicFigures).as("a visitor's figures, read while a fold holds the lock").isNotEmpty();
            as(resident, () -> assertThat(reporting.byCategory(thisMonth, ReportFilter.none())).isNotNull());

            CompletableFuture<List<MetricValue>> dashboard = CompletableFuture.supplyAsync(() -> as(staff,
                    () -> reporting.figures(thisMonth, ReportFilter.none())));
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                    "select count(*) from pg_locks where locktype = 'advisory' and not granted", Long.class))
                    .as("the staff's read waits for the fold under way").isPositive());
            assertThat(dashboard).isNotDone();
            folding.rollback();

            List<MetricValue> figures = dashboard.get(60, TimeUnit.SECONDS);
            assertThat(figures).isNotEmpty();
            assertThat(jdbc.queryForObject("select count(*) from idea_activity_change", Long.class))
                    .as("the staff's read folded what was written meanwhile").isZero();
        }
    }
}
