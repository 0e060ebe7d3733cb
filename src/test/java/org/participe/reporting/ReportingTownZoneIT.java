package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.base.StartRefusedException;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.MutableClock;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;

/**
 * A town in Montreal (PARTICIPE_TIME_ZONE=America/Montreal) counts its days in Montreal, in SQL as
 * in Java: an idea, a support and a comment made at 23:30 on 28 February, Montreal time (already
 * 1 March in Paris and in UTC), count in February. The context starts with that zone, as a town
 * would; the shared test database is given back in Paris time afterwards.
 */
@SpringBootTest(properties = "participe.town.time-zone=America/Montreal")
@Import(MutableClock.Config.class)
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class ReportingTownZoneIT {

    private static final ZoneId MONTREAL = ZoneId.of("America/Montreal");
    private static final ReportPeriod FEBRUARY = new ReportPeriod(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 28));
    private static final ReportPeriod MARCH = new ReportPeriod(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31));

    @Autowired ReportingService reporting;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired MutableClock clock;
    @Autowired RollupsTownZone rollups;
    ParticipeUser staff;
    ReportFilter scope;

    @BeforeEach
    void setUp() {
        clock.reset();
        data.ensureTown();
        staff = data.confirmedAccount("zone-staff", Roles.STAFF);
        ParticipeUser admin = data.confirmedAccount("zone-admin", Roles.ADMIN);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long neighbourhood = as(admin, () -> town.addNeighbourhood("Quartier du fuseau " + suffix)).id();
        long category = as(admin, () -> town.addCategory("Thème du fuseau " + suffix, "Time zone category " + suffix)).id();
        scope = new ReportFilter(neighbourhood, category);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /** The next test classes share the database and expect Paris, the default. */
    @AfterAll
    static void backToParis(@Autowired RollupsTownZone rollups) {
        TownZone.use(TownZone.DEFAULT);
        rollups.follow(TownZone.DEFAULT);
    }

    /** An idea, a support and a comment at 23:30 on the last day of February, Montreal time, by two residents. */
    private void lateOnTheLastEveningOfFebruary() {
        assertThat(TownZone.zone()).as("the configured zone").isEqualTo(MONTREAL);
        clock.set(LocalDateTime.of(2026, 2, 28, 23, 30).atZone(MONTREAL).toInstant());
        ParticipeUser author = data.confirmedAccount("zone-author", Roles.RESIDENT);
        ParticipeUser neighbour = data.confirmedAccount("zone-neighbour", Roles.RESIDENT);
        long idea = as(author, () -> ideas.propose(new IdeaDraft("Une idée de fin de soirée à Montréal",
                "Une description assez longue pour être acceptée.", scope.categoryId(), scope.neighbourhoodId(), null, null)));
        as(neighbour, () -> ideas.support(idea));
        as(neighbour, () -> comments.post(ContentKey.idea(idea), null, "Un commentaire de fin de soirée."));
        clock.reset();
    }

    private Map<Metric, Double> figures(ReportPeriod period) {
        return as(staff, () -> reporting.figures(period, scope)).stream()
                .filter(v -> v.value() != null).collect(Collectors.toMap(MetricValue::metric, MetricValue::value));
    }

    @Test
    void theStartPutTheRollupsInTheConfiguredZone() {
        assertThat(jdbc.queryForObject("select zone from reporting_town_zone", String.class)).isEqualTo("America/Montreal");
        assertThat(jdbc.queryForObject("select town_day(timestamptz '2026-03-01 04:30:00+00')", LocalDate.class))
                .as("23:30 in Montreal, from a plain SQL session").isEqualTo(LocalDate.of(2026, 2, 28));
    }

    @Test
    void rollupsBuiltInAnotherZoneAreCountedAgainInTheConfiguredOneAtStart(CapturedOutput log) {
        lateOnTheLastEveningOfFebruary();
        assertThat(rollups.follow(ZoneId.of("Europe/Paris"))).contains(MONTREAL);
        assertThat(figures(FEBRUARY)).as("counted in Paris, where it was already 1 March")
                .containsEntry(Metric.SUPPORTS, 0.0).containsEntry(Metric.PARTICIPANTS, 0.0);

        assertThat(rollups.follow(TownZone.zone())).as("what the start does").contains(ZoneId.of("Europe/Paris"));

        assertThat(figures(FEBRUARY)).containsEntry(Metric.IDEAS, 1.0).containsEntry(Metric.SUPPORTS, 1.0)
                .containsEntry(Metric.COMMENTS, 1.0).containsEntry(Metric.PARTICIPANTS, 2.0);
        assertThat(log.getOut()).contains("the town's time zone changed from Europe/Paris to America/Montreal");
        assertThat(rollups.follow(TownZone.zone())).as("nothing to do the next time").isEmpty();
    }

    @Test
    void aZonePostgresqlReadsDifferentlyStopsTheStart() {
        assertThatThrownBy(() -> rollups.follow(ZoneId.of("UTC+02:00"))).isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("'UTC+02:00'");
        assertThat(jdbc.queryForObject("select zone from reporting_town_zone", String.class)).isEqualTo("America/Montreal");
    }

    @Test
    void activityAtHalfPastElevenInTheEveningCountsOnTheTownsDay() {
        lateOnTheLastEveningOfFebruary();

        assertThat(figures(FEBRUARY)).containsEntry(Metric.IDEAS, 1.0).containsEntry(Metric.SUPPORTS, 1.0)
                .containsEntry(Metric.COMMENTS, 1.0).containsEntry(Metric.PARTICIPANTS, 2.0);
        assertThat(figures(MARCH)).containsEntry(Metric.IDEAS, 0.0).containsEntry(Metric.SUPPORTS, 0.0)
                .containsEntry(Metric.COMMENTS, 0.0).containsEntry(Metric.PARTICIPANTS, 0.0);
        var lastWeekOfFebruary = as(staff, () -> reporting.weeklyActivity(FEBRUARY, scope)).getLast();
        assertThat(lastWeekOfFebruary.weekStart()).isEqualTo(LocalDate.of(2026, 2, 23));
        assertThat(lastWeekOfFebruary.supports()).isEqualTo(1);
        var byCategory = anonymously(() -> reporting.byCategory(FEBRUARY, scope));
        assertThat(byCategory).singleElement().satisfies(group -> assertThat(group.comments()).isEqualTo(1));
    }
}
