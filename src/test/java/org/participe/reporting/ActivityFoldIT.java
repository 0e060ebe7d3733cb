package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.ideas.IdeaService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.MutableClock;
import org.participe.test.TestData;
import org.participe.town.TownService;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting's rollups follow the journals of ideas and comments (V26 to V28): whatever was done,
 * once folded, {@code activity_daily}, {@code participant_days_detail} and {@code participant_days}
 * hold exactly what a full rebuild from the published views gives, and the journals are empty.
 * Each test works in categories of its own and compares only their rows (and its own people's).
 */
@SpringBootTest
@Import(MutableClock.Config.class)
class ActivityFoldIT {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Autowired ActivityFold fold;
    @Autowired IdeaService ideas;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    ParticipeUser admin;
    long neighbourhood;
    List<Long> categories = new ArrayList<>();
    List<ParticipeUser> people = new ArrayList<>();

    @BeforeEach
    void setUp() {
        data.ensureTown();
        admin = data.confirmedAccount("fold-admin", Roles.ADMIN);
        String suffix = String.valueOf(System.nanoTime() % 1_000_000_000L);
        neighbourhood = as(admin, () -> town.addNeighbourhood("Quartier du pli " + suffix)).id();
        for (int i = 0; i < 3; i++) {
            int n = i;
            categories.add(as(admin, () -> town.addCategory("Thème du pli " + n + " " + suffix, "Fold category " + n + " " + suffix)).id());
        }
        people.addAll(data.confirmedAccounts("fold-person", 8, Roles.RESIDENT));
    }

    @Test
    void supportsCommentsAndIdeasMovedOrDeletedAreCountedExactlyOnceFolded() {
        long first = categories.get(0);
        long second = categories.get(1);
        ParticipeUser author = people.get(0);
        ParticipeUser s1 = people.get(1);
        ParticipeUser s2 = people.get(2);
        ParticipeUser commenter = people.get(3);
        Instant march10 = LocalDate.of(2025, 3, 10).atTime(10, 0).atZone(PARIS).toInstant();
        long idea = idea(author, first, neighbourhood, march10);
        // Through the application: a support given twice, one withdrawn.
        as(s1, () -> ideas.support(idea));
        as(s2, () -> ideas.support(idea));
        long comment = comment(commenter, idea, march10.plusSeconds(3600));
        foldAndCompare();
        assertThat(cells(first)).containsExactly(cell("2025-03-10", first, neighbourhood, 1, 0, 1), cell(today(), first, neighbourhood, 0, 2, 0));
        assertThat(participant(s1, first)).isNotNull();

        as(s1, () -> ideas.withdrawSupport(idea));
        foldAndCompare();
        assertThat(cells(first)).contains(cell(today(), first, neighbourhood, 0, 1, 0));
        assertThat(participant(s1, first)).as("the withdrawn support was s1's only action").isNull();
        assertThat(jdbc.queryForObject("select count(*) from participant_days where account_id = ?", Long.class, s1.accountId())).isZero();

        jdbc.update("update comment set hidden = true, hidden_reason = 'SPAM' where id = ?", comment);
        foldAndCompare();
        assertThat(cells(first)).contains(cell("2025-03-10", first, neighbourhood, 1, 0, 0));
        assertThat(participant(commenter, first)).as("a hidden comment still makes its author a participant").isEqualTo("{[2025-03-10,2025-03-11)}");

        jdbc.update("update comment set deleted_at = now() where id = ?", comment);
        foldAndCompare();
        assertThat(participant(commenter, first)).as("a deleted one no longer").isNull();

        jdbc.update("update idea set category_id = ?, neighbourhood_id = null where id = ?", second, idea);
        foldAndCompare();
        assertThat(cells(first)).as("nothing left where the idea was").isEmpty();
        assertThat(cells(second)).containsExactly(cell("2025-03-10", second, 0, 1, 0, 0), cell(today(), second, 0, 0, 1, 0));
        assertThat(participant(author, second)).isNotNull();
        assertThat(participant(s2, second)).isNotNull();

        jdbc.update("delete from idea_counts where idea_id = ?", idea);
        jdbc.update("delete from idea_event where idea_id = ?", idea);
        jdbc.update("delete from follow where target_type = 'IDEA' and target_id = ?", idea);
        jdbc.update("delete from idea where id = ?", idea);
        foldAndCompare();
        assertThat(cells(second)).as("an idea deleted takes its supports with it").isEmpty();
        assertThat(participant(author, second)).isNull();
        assertThat(participant(s2, second)).isNull();
    }

    @Test
    void twoFoldsAtOnceWhileResidentsActStillCountExactly() throws Exception {
        List<Long> ideaIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ideaIds.add(idea(people.get(i), categories.get(i % 3), i % 2 == 0 ? neighbourhood : null, Instant.now().minusSeconds(86_400L * i)));
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<Void>> folders = new ArrayList<>();
            for (int f = 0; f < 2; f++) {
                boolean waits = f == 0;
                folders.add(CompletableFuture.runAsync(() -> {
                    while (writing.get()) {
                        if (waits) {
                            fold.catchUp();
                        } else {
                            fold.batch(false);
                        }
                    }
                }, pool));
            }
            Random random = new Random(16);
            for (int i = 0; i < 400; i++) {
                long person = people.get(random.nextInt(people.size())).accountId();
                long idea = ideaIds.get(random.nextInt(ideaIds.size()));
                Instant at = Instant.now().minusSeconds(random.nextInt(10 * 86_400));
                if (jdbc.update("delete from support where idea_id = ? and account_id = ?", idea, person) == 0) {
                    jdbc.update("insert into support (idea_id, account_id, created_at) values (?, ?, ?)", idea, person, Timestamp.from(at));
                }
            }
            writing.set(false);
            CompletableFuture.allOf(folders.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdownNow();
        }
        foldAndCompare();
    }

    /** A random sequence of everything reporting follows, folded at random moments, ends where a full rebuild does. */
    @Test
    void aRandomSequenceOfChangesFoldedEqualsAFullRebuild() {
        Random random = new Random(2026);
        List<Long> ideaIds = new ArrayList<>();
        List<Long> commentIds = new ArrayList<>();
        Instant start = LocalDate.of(2025, 3, 28).atStartOfDay(PARIS).toInstant();
        for (int step = 0; step < 600; step++) {
            long person = people.get(random.nextInt(people.size())).accountId();
            Instant at = start.plusSeconds(random.nextInt(5 * 86_400)); // around the change to summer time
            Long place = random.nextInt(3) == 0 ? null : neighbourhood;
            int action = ideaIds.isEmpty() ? 0 : random.nextInt(20);
            long anIdea = ideaIds.isEmpty() ? 0 : ideaIds.get(random.nextInt(ideaIds.size()));
            switch (action) {
                case 0, 1 -> ideaIds.add(idea(people.get(random.nextInt(people.size())), categories.get(random.nextInt(3)), place, at));
                case 2, 3, 4, 5, 6, 7 -> {
                    if (jdbc.update("delete from support where idea_id = ? and account_id = ?", anIdea, person) == 0) {
                        jdbc.update("insert into support (idea_id, account_id, created_at) values (?, ?, ?)", anIdea, person, Timestamp.from(at));
                    }
                }
                case 8, 9, 10 -> commentIds.add(comment(person, anIdea, at));
                case 11 -> {
                    if (!commentIds.isEmpty()) {
                        jdbc.update("update comment set hidden = not hidden, hidden_reason = case when hidden then null else 'SPAM' end where id = ?", commentIds.get(random.nextInt(commentIds.size())));
                    }
                }
                case 12 -> {
                    if (!commentIds.isEmpty()) {
                        jdbc.update("update comment set deleted_at = case when deleted_at is null then now() end where id = ?",
                                commentIds.get(random.nextInt(commentIds.size())));
                    }
                }
                case 13 -> jdbc.update("update idea set category_id = ? where id = ?", categories.get(random.nextInt(3)), anIdea);
                case 14 -> jdbc.update("update idea set neighbourhood_id = ? where id = ?", place, anIdea);
                case 15 -> jdbc.update("update idea set hidden = not hidden, hidden_reason = case when hidden then null else 'SPAM' end where id = ?", anIdea);
                case 16 -> jdbc.update("update idea set published_at = ? where id = ?", Timestamp.from(at), anIdea);
                case 17 -> jdbc.update("update idea set status = case status when 'PENDING' then 'PUBLISHED' else 'PENDING' end where id = ?", anIdea);
                case 18 -> {
                    deleteIdea(anIdea);
                    ideaIds.remove(anIdea);
                }
                default -> fold.batch(false);
            }
            if (random.nextInt(40) == 0) {
                fold.catchUp();
            }
        }
        foldAndCompare();
        assertThat(jdbc.queryForObject("select count(*) from activity_daily where category_id = any(?::bigint[])", Long.class, array(categories)))
                .as("the sequence left something to count").isGreaterThan(10);
    }

    // ------------------------------------------------------------------------------------------

    /** Folds everything, checks the journals are empty, and compares the rollups with a rebuild (rolled back). */
    private void foldAndCompare() {
        fold.catchUp();
        List<String> compared = transactions.execute(status -> {
            jdbc.execute("select pg_advisory_xact_lock(reporting_fold_key())");
            String journals = jdbc.queryForObject("select (select count(*) from idea_activity_change) || ' ' || (select count(*) from comment_activity_change)",
                    String.class);
            String folded = rollups();
            jdbc.execute("do $$ begin perform rebuild_activity_daily(); perform rebuild_participant_days(); end $$");
            String rebuilt = rollups();
            status.setRollbackOnly();
            return List.of(journals, folded, rebuilt);
        });
        assertThat(compared.get(0)).as("journals after the fold").isEqualTo("0 0");
        assertThat(compared.get(1)).as("the rollups folded, against a rebuild from the published views").isEqualTo(compared.get(2));
    }

    private String rollups() {
        String categoryList = array(categories);
        String accountList = array(people.stream().map(ParticipeUser::accountId).toList());
        return jdbc.queryForObject("""
                select coalesce(string_agg(r, E'\\n' order by r), '') from (
                    select concat_ws(':', 'activity', day, category_id, neighbourhood_key, ideas, supports, comments) as r
                    from activity_daily where category_id = any(?::bigint[])
                    union all
                    select concat_ws(':', 'detail', category_id, neighbourhood_key, account_id, days)
                    from participant_days_detail where category_id = any(?::bigint[])
                    union all
                    select concat_ws(':', 'town', account_id, days) from participant_days where account_id = any(?::bigint[])) rows""",
                String.class, categoryList, categoryList, accountList);
    }

    private List<String> cells(long category) {
        return jdbc.queryForList("select concat_ws(':', day, category_id, neighbourhood_key, ideas, supports, comments) from activity_daily"
                + " where category_id = ? order by day", String.class, category);
    }

    private static String cell(String day, long category, long neighbourhood, int ideas, int supports, int comments) {
        return String.join(":", day, String.valueOf(category), String.valueOf(neighbourhood), String.valueOf(ideas), String.valueOf(supports),
                String.valueOf(comments));
    }

    private static String today() {
        return LocalDate.now(PARIS).toString();
    }

    private String participant(ParticipeUser person, long category) {
        return jdbc.queryForList("select days::text from participant_days_detail where account_id = ? and category_id = ?", String.class,
                person.accountId(), category).stream().findFirst().orElse(null);
    }

    private long idea(ParticipeUser author, long category, Long place, Instant publishedAt) {
        return jdbc.queryForObject("""
                insert into idea (author_id, title, description, category_id, neighbourhood_id, status, created_at, updated_at, published_at)
                values (?, 'Une idée pour le pli des chiffres', 'Une description assez longue pour être acceptée.', ?, ?, 'PUBLISHED', ?, ?, ?)
                returning id""", Long.class, author.accountId(), category, place, Timestamp.from(publishedAt), Timestamp.from(publishedAt),
                Timestamp.from(publishedAt));
    }

    private long comment(ParticipeUser author, long idea, Instant at) {
        return comment(author.accountId(), idea, at);
    }

    private long comment(long author, long idea, Instant at) {
        return jdbc.queryForObject("insert into comment (target_type, target_id, author_id, body, created_at) values ('IDEA', ?, ?, ?, ?) returning id",
                Long.class, idea, author, "Un avis sur cette idée.", Timestamp.from(at));
    }

    private void deleteIdea(long idea) {
        jdbc.update("delete from idea where id = ?", idea);
    }

    private static String array(List<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }
}
