package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.assertj.core.groups.Tuple;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.comments.CommentService;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.moderation.FollowUpService;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.participe.test.MutableClock;
import org.participe.test.StatementCounter;
import org.participe.test.RestoreTownSettings;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each figure of the catalogue on a small hand-made data set with known answers, in its own
 * neighbourhood and category so that other tests' data do not count, around the end of March in
 * Paris time (summer time begins on 30 March 2025).
 */
@SpringBootTest
@ExtendWith(RestoreTownSettings.class)
@Import(MutableClock.Config.class)
class ReportingServiceIT {

    private static final ReportPeriod MARCH = new ReportPeriod(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
    private static final ReportPeriod APRIL = new ReportPeriod(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 30));

    @Autowired ReportingService reporting;
    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired ModerationService moderation;
    @Autowired FollowUpService followUp;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired MutableClock clock;
    ParticipeUser staff;
    ReportFilter scope;

    @BeforeEach
    void setUp() {
        clock.reset();
        data.ensureTown();
        staff = data.confirmedAccount("reports-staff", Roles.STAFF);
        ParticipeUser admin = data.confirmedAccount("reports-admin", Roles.ADMIN);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        long neighbourhood = as(admin, () -> town.addNeighbourhood("Quartier des chiffres " + suffix)).id();
        long category = as(admin, () -> town.addCategory("Thème des chiffres " + suffix, "Figures category " + suffix)).id();
        scope = new ReportFilter(neighbourhood, category);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void at(int month, int day, int hour, int minute) {
        clock.set(LocalDateTime.of(2025, month, day, hour, minute).atZone(TownZone.zone()).toInstant());
    }

    private ParticipeUser resident(String name) {
        ParticipeUser person = data.confirmedAccount(name, Roles.RESIDENT);
        jdbc.update("update account set neighbourhood_id = ? where id = ?", scope.neighbourhoodId(), person.accountId());
        return person;
    }

    private long idea(ParticipeUser author, String title) {
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.",
                scope.categoryId(), scope.neighbourhoodId(), null)));
    }

    private Map<Metric, Double> figures(ReportPeriod period) {
        return as(staff, () -> reporting.figures(period, scope)).stream()
                .filter(v -> v.value() != null).collect(Collectors.toMap(MetricValue::metric, MetricValue::value));
    }

    /**
     * March: two residents join; idea A (10 March), three supports (the last at 23:30 on 31 March,
     * Paris), one comment, one flag, an answer after 10 days. April: idea B and a support at 00:30
     * on 1 April; a comment written then deleted does not count.
     */
    private long[] seed() {
        at(3, 10, 10, 0);
        ParticipeUser authorA = resident("fig-author-a");
        ParticipeUser s1 = resident("fig-s1");
        ParticipeUser s2 = resident("fig-s2");
        ParticipeUser c1 = resident("fig-c1");
        ParticipeUser flagger = resident("fig-flagger");
        long a = idea(authorA, "Une idée de mars pour les chiffres");
        as(s1, () -> ideas.support(a));
        as(s2, () -> ideas.support(a));
        long comment = as(c1, () -> comments.post(ContentKey.idea(a), null, "Un commentaire de mars."));
        as(flagger, () -> moderation.flag(ContentKey.comment(comment), ModerationReason.OFF_TOPIC, null));
        at(3, 20, 10, 0);
        ParticipeUser official = data.confirmedAccount("fig-official", Roles.OFFICIAL);
        as(official, () -> ideas.answer(a, IdeaStatus.UNDER_REVIEW, "Les services étudient cette idée avec attention.",
                ideas.detail(a).orElseThrow().version()));
        at(3, 31, 23, 30);
        ParticipeUser s3 = resident("fig-s3");
        as(s3, () -> ideas.support(a));
        at(4, 1, 0, 30);
        ParticipeUser s4 = resident("fig-s4");
        ParticipeUser authorB = resident("fig-author-b");
        as(s4, () -> ideas.support(a));
        long b = idea(authorB, "Une idée d'avril pour les chiffres");
        long deleted = as(s4, () -> comments.post(ContentKey.idea(b), null, "Un commentaire bientôt supprimé."));
        as(s4, () -> comments.delete(deleted));
        clock.reset();
        return new long[]{a, b};
    }

    @Test
    void eachFigureOfMarchAndAprilIsTheKnownAnswerWithParisDayBoundaries() {
        seed();
        Map<Metric, Double> march = figures(MARCH);
        assertThat(march).containsEntry(Metric.IDEAS, 1.0).containsEntry(Metric.SUPPORTS, 3.0).containsEntry(Metric.COMMENTS, 1.0)
                .containsEntry(Metric.PARTICIPANTS, 5.0).containsEntry(Metric.NEW_ACCOUNTS, 6.0).containsEntry(Metric.IDEAS_ANSWERED, 1.0)
                .containsEntry(Metric.MEDIAN_DAYS_TO_ANSWER, 10.0).containsEntry(Metric.FLAGS, 1.0).containsEntry(Metric.HIDDEN_ITEMS, 0.0)
                .doesNotContainKey(Metric.ANSWERED_ON_TIME);
        Map<Metric, Double> april = figures(APRIL);
        assertThat(april).containsEntry(Metric.IDEAS, 1.0).containsEntry(Metric.SUPPORTS, 1.0).containsEntry(Metric.COMMENTS, 0.0)
                .containsEntry(Metric.PARTICIPANTS, 2.0).containsEntry(Metric.NEW_ACCOUNTS, 2.0).containsEntry(Metric.IDEAS_ANSWERED, 0.0);
        MetricValue supports = as(staff, () -> reporting.figures(APRIL, scope)).stream()
                .filter(v -> v.metric() == Metric.SUPPORTS).findFirst().orElseThrow();
        assertThat(supports.previous()).as("the 30 days before April: 2 to 31 March").isEqualTo(3.0);
    }

    @Test
    void thePublicFollowUpPageCountsAnswersAsTheCatalogueDefinesThem() {
        clock.set(LocalDateTime.of(2025, 4, 15, 12, 0).atZone(TownZone.zone()).toInstant());
        seed();
        clock.set(LocalDateTime.of(2025, 4, 15, 12, 0).atZone(TownZone.zone()).toInstant());
        var march = anonymously(() -> followUp.monthlyFigures(2)).getLast();
        Map<Metric, Double> catalogue = as(staff, () -> reporting.figures(MARCH, ReportFilter.none())).stream()
                .filter(v -> v.value() != null).collect(Collectors.toMap(MetricValue::metric, MetricValue::value));
        assertThat(march.periodStart()).isEqualTo(MARCH.first());
        assertThat((double) march.answered()).isEqualTo(catalogue.get(Metric.IDEAS_ANSWERED));
        assertThat(march.medianDays()).isEqualTo(catalogue.get(Metric.MEDIAN_DAYS_TO_ANSWER));
    }

    @Test
    void theDailyRollupFollowsHidingWithdrawingAndRestoring() {
        long[] ids = seed();
        ParticipeUser official = data.confirmedAccount("fig-moderator", Roles.OFFICIAL);
        long comment = jdbc.queryForObject("select id from comment where target_id = ? and deleted_at is null", Long.class, ids[0]);
        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.comment(comment))), ModerationReason.SPAM, null));
        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.idea(ids[1]))), ModerationReason.OFF_TOPIC, null));
        ParticipeUser s1 = new ParticipeUser(jdbc.queryForObject("select id from account where email like 'fig-s1%' order by id desc limit 1",
                Long.class), "s1@test", "s1", "", true, false, Set.of(Roles.RESIDENT));
        as(s1, () -> ideas.withdrawSupport(ids[0]));

        assertThat(figures(MARCH)).containsEntry(Metric.COMMENTS, 0.0).containsEntry(Metric.SUPPORTS, 2.0).containsEntry(Metric.HIDDEN_ITEMS, 0.0);
        assertThat(figures(APRIL)).containsEntry(Metric.IDEAS, 0.0);

        as(official, () -> moderation.restore(List.of(moderation.current(ContentKey.comment(comment))), null));
        assertThat(figures(MARCH)).containsEntry(Metric.COMMENTS, 1.0);
        long rolledUp = jdbc.queryForObject("select coalesce(sum(supports), 0) from activity_daily", Long.class);
        assertThat(rolledUp).as("the rollup agrees with the supports table").isEqualTo(jdbc.queryForObject("select count(*) from support", Long.class));
    }

    /**
     * Participants are read from each person's days of participation, kept by PostgreSQL: whatever
     * the period, and after removals (a support withdrawn, an idea hidden, an idea moved to another
     * category), the count is the one read from the activity alone, and the days kept are exactly
     * what rebuilding them from the activity gives.
     */
    @Test
    void participantsFromTheirDaysOfParticipationAreThoseOfTheActivityWhateverThePeriodAndAfterRemovals() {
        long[] ids = seed();
        ParticipeUser official = data.confirmedAccount("fig-rollup-moderator", Roles.OFFICIAL);
        ParticipeUser s1 = new ParticipeUser(jdbc.queryForObject("select id from account where email like 'fig-s1%' order by id desc limit 1",
                Long.class), "s1@test", "s1", "", true, false, Set.of(Roles.RESIDENT));
        as(s1, () -> ideas.withdrawSupport(ids[0]));
        as(official, () -> moderation.hide(List.of(moderation.current(ContentKey.idea(ids[1]))), ModerationReason.OFF_TOPIC, null));
        assertThat(figures(MARCH)).as("s1's only contribution was withdrawn").containsEntry(Metric.PARTICIPANTS, 4.0);
        assertThat(figures(APRIL)).as("s4 still counts; the hidden idea's author no longer").containsEntry(Metric.PARTICIPANTS, 1.0);

        ParticipeUser admin = data.confirmedAccount("fig-rollup-admin", Roles.ADMIN);
        long otherCategory = as(admin, () -> town.addCategory("Autre thème " + System.nanoTime(), "Other category " + System.nanoTime())).id();
        jdbc.update("update idea set category_id = ? where id = ?", otherCategory, ids[0]);
        ReportFilter moved = new ReportFilter(scope.neighbourhoodId(), otherCategory);

        List<ReportPeriod> cuts = List.of(MARCH, APRIL, new ReportPeriod(LocalDate.of(2025, 3, 5), LocalDate.of(2025, 4, 10)),
                new ReportPeriod(LocalDate.of(2025, 2, 20), LocalDate.of(2025, 4, 30)),
                new ReportPeriod(LocalDate.of(2025, 3, 31), LocalDate.of(2025, 4, 1)),
                new ReportPeriod(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        for (ReportFilter filter : List.of(ReportFilter.none(), scope, moved, new ReportFilter(scope.neighbourhoodId(), null),
                new ReportFilter(null, otherCategory))) {
            for (ReportPeriod period : cuts) {
                assertThat(as(staff, () -> reporting.figures(period, filter))).filteredOn(v -> v.metric() == Metric.PARTICIPANTS)
                        .singleElement().as("%s, %s", period, filter).satisfies(v -> assertThat(v.value()).isEqualTo((double) participants(period, filter)));
            }
        }
        assertThat(participants(MARCH, moved)).as("the author, supporters and commenter moved with their idea").isEqualTo(4);
        assertThat(participants(MARCH, scope)).isZero();

        // A support given and withdrawn in one transaction leaves no day behind once folded (the
        // figures fold first), as the rebuild below confirms.
        ParticipeUser passer = data.confirmedAccount("fig-passer", Roles.RESIDENT);
        transactions.executeWithoutResult(status -> as(passer, () -> {
            ideas.support(ids[0]);
            return ideas.withdrawSupport(ids[0]);
        }));
        as(staff, () -> reporting.figures(MARCH, ReportFilter.none()));
        assertThat(jdbc.queryForObject("select count(*) from participant_days where account_id = ?", Long.class, passer.accountId())).isZero();
        // Issue 16: no rollup row is written or locked in the writer's transaction any more; the
        // owners' plain triggers only journal the change, and reporting folds it (V26 to V28).
        assertThat(jdbc.queryForList("select tgname from pg_trigger where tgrelid in ('support'::regclass, 'comment'::regclass)"
                + " and not tgisinternal", String.class)).as("only the owners' journal triggers on supports and comments")
                .containsExactlyInAnyOrder("support_journal", "comment_journal");

        String rows = "select string_agg(r, ',' order by r) from (select concat_ws(':', category_id, neighbourhood_key, account_id, days) as r"
                + " from participant_days_detail union all select concat_ws(':', account_id, days) from participant_days) rows";
        String kept = jdbc.queryForObject(rows, String.class);
        jdbc.execute("do $$ begin perform rebuild_participant_days(); end $$");
        assertThat(jdbc.queryForObject(rows, String.class)).as("the rollup rebuilt from the activity").isEqualTo(kept);
    }

    /** The participants of a period as the catalogue defines them, counted from the activity alone. */
    private long participants(ReportPeriod period, ReportFilter filter) {
        String ideaFilter = "(?::bigint is null or i.neighbourhood_id = ?) and (?::bigint is null or i.category_id = ?)";
        String sql = """
                select count(*) from (
                    select i.author_id from idea i where i.status <> 'PENDING' and not i.hidden and i.published_at >= ? and i.published_at < ? and %1$s
                    union select s.account_id from support s join idea i on i.id = s.idea_id where s.created_at >= ? and s.created_at < ? and %1$s
                    union select c.author_id from comment c join idea i on i.id = c.target_id
                      where c.target_type = 'IDEA' and c.deleted_at is null and c.created_at >= ? and c.created_at < ? and %1$s) p"""
                .formatted(ideaFilter);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            args.addAll(Arrays.asList(Timestamp.from(period.start()), Timestamp.from(period.end()),
                    filter.neighbourhoodId(), filter.neighbourhoodId(), filter.categoryId(), filter.categoryId()));
        }
        return jdbc.queryForObject(sql, Long.class, args.toArray());
    }

    @Test
    void weeksNeighbourhoodsCategoriesAndStatusesAddUpToTheSameFigures() {
        seed();
        // Visitors read what the fold job has folded (within about a second); staff fold first.
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> anonymously(() -> reporting.weeklyActivity(MARCH, scope))
                .stream().mapToLong(WeekActivity::supports).sum() == 3);
        List<WeekActivity> weeks = anonymously(() -> reporting.weeklyActivity(MARCH, scope));
        assertThat(weeks.getFirst().weekStart()).isEqualTo(LocalDate.of(2025, 2, 24));
        assertThat(weeks.getLast().weekStart()).isEqualTo(LocalDate.of(2025, 3, 31));
        assertThat(weeks.stream().mapToLong(WeekActivity::supports).sum()).isEqualTo(3);
        assertThat(weeks.getLast().supports()).as("23:30 on Monday 31 March, Paris").isEqualTo(1);
        assertThat(anonymously(() -> reporting.byNeighbourhood(MARCH, scope))).singleElement()
                .satisfies(group -> assertThat(List.of(group.ideas(), group.supports(), group.comments())).containsExactly(1L, 3L, 1L));
        assertThat(anonymously(() -> reporting.byCategory(MARCH, scope))).singleElement()
                .satisfies(group -> assertThat(group.key()).isEqualTo(String.valueOf(scope.categoryId())));
        assertThat(anonymously(() -> reporting.statusFunnel(MARCH, scope))).singleElement()
                .satisfies(group -> assertThat(group.key()).isEqualTo("UNDER_REVIEW"));
        assertThat(anonymously(() -> reporting.answerTimes(MARCH, scope))).extracting(GroupFigures::key, GroupFigures::ideas)
                .contains(Tuple.tuple("8-14", 1L), Tuple.tuple("0-7", 0L));
    }

    @Test
    void theExportAndThePublicPageShowTheDashboardsFigures() {
        seed();
        String[] lines = csv(ExportKind.FIGURES, MARCH, key -> key).split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFF\"reports.csv.metric\";");
        assertThat(lines).contains("\"metric.SUPPORTS.name\";3;0;\"metric.SUPPORTS.definition\"",
                "\"metric.PARTICIPANTS.name\";5;0;\"metric.PARTICIPANTS.definition\"", "\"metric.MEDIAN_DAYS_TO_ANSWER.name\";10,0;;\"metric.MEDIAN_DAYS_TO_ANSWER.definition\"");

        Map<Metric, MetricValue> dashboard = as(staff, () -> reporting.figures(MARCH, ReportFilter.none())).stream()
                .collect(Collectors.toMap(MetricValue::metric, v -> v));
        List<MetricValue> published = anonymously(() -> reporting.publicFigures(MARCH));
        assertThat(published).extracting(MetricValue::metric).doesNotContain(Metric.FLAGS, Metric.HIDDEN_ITEMS);
        assertThat(published).allSatisfy(value -> assertThat(value).isEqualTo(dashboard.get(value.metric())));
    }

    @Test
    void theIdeasExportListsThePeriodsIdeasWithTheirFigures() {
        long[] ids = seed();
        String[] lines = csv(ExportKind.IDEAS, MARCH, key -> key.substring(key.lastIndexOf('.') + 1)).split("\r\n");
        assertThat(lines[0]).isEqualTo("\uFEFF\"id\";\"title\";\"status\";\"category\";\"neighbourhood\";\"published\";\"supports\";\"comments\";\"due\";\"answered\"");
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).startsWith(ids[0] + ";\"Une idée de mars pour les chiffres\";\"UNDER_REVIEW\";").contains(";2025-03-10;4;1;;2025-03-20");
    }

    private String csv(ExportKind kind, ReportPeriod period, Function<String, String> translate) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        as(staff, () -> reporting.export(kind, ExportFormat.CSV, period, scope, translate, out));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void supportsPerWeekAndCommentsExportAsCsvAndAsXlsxReadBack() throws Exception {
        long[] ids = seed();
        String weeks = csv(ExportKind.SUPPORTS_PER_WEEK, MARCH, key -> key.substring(key.lastIndexOf('.') + 1));
        assertThat(weeks.split("\r\n")).containsExactly("\uFEFF\"idea\";\"title\";\"week\";\"supports\"",
                ids[0] + ";\"Une idée de mars pour les chiffres\";2025-03-10;2", ids[0] + ";\"Une idée de mars pour les chiffres\";2025-03-31;1");

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        as(staff, () -> reporting.export(ExportKind.COMMENTS, ExportFormat.XLSX, MARCH, scope, key -> key, xlsx));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("reports.csv.comment.text");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat((long) sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(ids[0]);
            assertThat(sheet.getRow(1).getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2025, 3, 10));
            assertThat(sheet.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Un commentaire de mars.");
        }
        ByteArrayOutputStream figures = new ByteArrayOutputStream();
        as(staff, () -> reporting.export(ExportKind.FIGURES, ExportFormat.XLSX, MARCH, scope, key -> key, figures));
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(figures.toByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            boolean found = false;
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                if (sheet.getRow(row).getCell(0).getStringCellValue().equals("metric.SUPPORTS.name")) {
                    assertThat(sheet.getRow(row).getCell(1).getNumericCellValue()).isEqualTo(3.0);
                    found = true;
                }
            }
            assertThat(found).isTrue();
        }
    }

    @Test
    void theIdeasExportStreamsRowsFromACursorRatherThanLoadingThemAll() {
        long category = scope.categoryId();
        jdbc.update("""
                insert into idea (author_id, title, description, category_id, neighbourhood_id, status, created_at, updated_at, published_at)
                select ?, 'Idée générée numéro ' || n, 'Une description générée pour l''export en flux.', ?, ?, 'PUBLISHED',
                       timestamptz '2025-03-15 12:00+01', timestamptz '2025-03-15 12:00+01', timestamptz '2025-03-15 12:00+01'
                from generate_series(1, 1200) n""", staff.accountId(), category, scope.neighbourhoodId());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<String> cursors = StatementCounter.cursors(() -> as(staff, () -> reporting.export(ExportKind.IDEAS, ExportFormat.CSV, MARCH,
                scope, key -> key, out)));
        assertThat(out.toString(StandardCharsets.UTF_8).split("\r\n")).hasSize(1 + 1200);
        assertThat(cursors).containsExactly("fetchSize=" + ReportingService.FETCH_SIZE + " autoCommit=false");
    }

    @Test
    void representativenessHidesEveryGroupUnderFivePeopleAndComparesTheOthersWithTheReference() {
        seed();
        jdbc.update("update account set sex = 'FEMALE' where email like 'fig-s%' or email like 'fig-author-a%'");
        jdbc.update("update account set sex = 'MALE' where email like 'fig-c1%'");
        ParticipeUser admin = data.confirmedAccount("reference-admin", Roles.ADMIN);
        String mine = ReferencePopulation.key(Representation.Dimension.NEIGHBOURHOOD, String.valueOf(scope.neighbourhoodId()));
        long version = as(admin, () -> reporting.referencePopulation()).version();
        assertThatThrownBy(() -> as(admin, () -> reporting.saveReferencePopulation(" ", Map.of(mine, -3), version)))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        refusal -> assertThat(refusal.errors()).containsOnlyKeys("source", mine));
        as(admin, () -> reporting.saveReferencePopulation("Recensement d'essai", Map.of(mine, 1000, "SEX:FEMALE", 520, "SEX:MALE", 480), version));
        assertThatThrownBy(() -> as(admin, () -> reporting.saveReferencePopulation("Saisie concurrente", Map.of(), version)))
                .isInstanceOf(OptimisticLockingFailureException.class);

        List<Representation> rows = as(staff, () -> reporting.representativeness(MARCH, scope));

        Representation place = rows.stream().filter(r -> r.dimension() == Representation.Dimension.NEIGHBOURHOOD
                && r.key().equals(String.valueOf(scope.neighbourhoodId()))).findFirst().orElseThrow();
        assertThat(place.participants()).isEqualTo(5);
        assertThat(place.share()).isEqualTo(100.0);
        assertThat(place.referenceShare()).isEqualTo(100.0);
        assertThat(rows).filteredOn(r -> r.dimension() == Representation.Dimension.SEX)
                .as("4 women and 1 man: both groups are under five").allSatisfy(r -> {
                    assertThat(r.suppressed()).isTrue();
                    assertThat(List.of(Optional.ofNullable(r.share()), Optional.ofNullable(r.gap()))).allMatch(Optional::isEmpty);
                });
        assertThat(rows).filteredOn(r -> r.dimension() == Representation.Dimension.AGE_BAND).allMatch(Representation::suppressed);
        assertThat(as(staff, () -> reporting.referencePopulation()).source()).isEqualTo("Recensement d'essai");
        ParticipeUser resident = data.confirmedAccount("reference-resident", Roles.RESIDENT);
        assertThatThrownBy(() -> as(resident, () -> reporting.representativeness(MARCH, scope))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(staff, () -> reporting.saveReferencePopulation("Le service n'administre pas", Map.of(), 0)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void residentsAndVisitorsCannotReadTheDashboardNorExport() {
        ParticipeUser resident = data.confirmedAccount("reports-resident", Roles.RESIDENT);
        for (Runnable denied : List.<Runnable>of(
                () -> as(resident, () -> reporting.figures(MARCH, ReportFilter.none())),
                () -> as(resident, () -> reporting.export(ExportKind.IDEAS, ExportFormat.CSV, MARCH, ReportFilter.none(), k -> k,
                        new ByteArrayOutputStream())),
                () -> anonymously(() -> reporting.export(ExportKind.FIGURES, ExportFormat.XLSX, MARCH, ReportFilter.none(), k -> k,
                        new ByteArrayOutputStream())),
                () -> anonymously(() -> reporting.figures(MARCH, ReportFilter.none())))) {
            assertThatThrownBy(denied::run).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(anonymously(() -> reporting.publicFigures(MARCH))).isNotEmpty();
        assertThat(Arrays.stream(Metric.values()).filter(Metric::shownToThePublic))
                .doesNotContain(Metric.FLAGS, Metric.HIDDEN_ITEMS);
    }
}
