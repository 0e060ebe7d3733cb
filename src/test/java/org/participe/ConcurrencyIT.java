package org.participe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.anonymously;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.base.validation.InvalidInputException;
import org.participe.ideas.IdeaDraft;
import org.participe.ideas.IdeaEvents;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaStatus;
import org.participe.comments.CommentService;
import org.participe.moderation.ActionResult;
import org.participe.moderation.ItemVersion;
import org.participe.moderation.ModerationEvents;
import org.participe.moderation.ModerationReason;
import org.participe.moderation.ModerationService;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.participe.town.TownProfile;
import org.participe.town.TownService;
import org.participe.town.TownSettingsUpdate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Parallel requests on one item, on a real PostgreSQL: supports, flags and officials' moderation
 * actions are neither lost nor doubled, and whoever loses a race is told in the domain's words
 * (an {@link InvalidInputException} or an {@link OptimisticLockingFailureException} the views
 * turn into a message), never a raw database error. Each task runs as its own signed-in person, in
 * its own transaction, released together by a start gate; every race is run {@value #ROUNDS}
 * times so that rare interleavings get their chance.
 */
@SpringBootTest
@Import(ConcurrencyIT.CommittedEvents.class)
class ConcurrencyIT {

    private static final int ROUNDS = 10;
    private static final int CROWD = 40;
    private static ExecutorService pool;

    @Autowired IdeaService ideas;
    @Autowired CommentService comments;
    @Autowired ModerationService moderation;
    @Autowired TownService town;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired CommittedEvents committed;
    ParticipeUser author;
    ParticipeUser admin;
    ParticipeUser official;
    ParticipeUser otherOfficial;
    long category;

    @BeforeAll
    static void startPool() {
        pool = Executors.newFixedThreadPool(CROWD + 10);
    }

    @AfterAll
    static void stopPool() {
        pool.shutdownNow();
    }

    @BeforeEach
    void setUp() {
        data.ensureTown();
        author = data.confirmedAccount("race-author", Roles.RESIDENT);
        admin = data.confirmedAccount("race-admin", Roles.ADMIN);
        official = data.confirmedAccount("race-official", Roles.OFFICIAL);
        otherOfficial = data.confirmedAccount("race-official2", Roles.OFFICIAL);
        category = anonymously(() -> town.activeCategories()).getFirst().id();
    }

    // Supports ----------------------------------------------------------------------------------

    @Test
    void oneResidentSupportingTwentyTimesAtOnceCountsOnce() {
        ParticipeUser fan = data.confirmedAccount("fan", Roles.RESIDENT);
        for (int round = 0; round < ROUNDS; round++) {
            long id = idea("Une idée soutenue vingt fois en même temps " + round);
            List<Outcome<Integer>> outcomes = race(20, i -> as(fan, () -> ideas.support(id)));
            assertThat(outcomes).allSatisfy(o -> assertThat(o.value()).isEqualTo(1));
            assertThat(supportRows(id)).isEqualTo(1);
            assertThat(supportCount(id)).isEqualTo(1);
        }
    }

    @Test
    void aCrowdSupportingAtOnceCountsEveryoneAndReachesTheThresholdOnce() {
        List<ParticipeUser> crowd = data.confirmedAccounts("crowd", CROWD, Roles.RESIDENT);
        withTown(rules -> rules.withThreshold(CROWD / 2), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                long id = idea("Une idée soutenue par toute une foule " + round);
                List<Outcome<Integer>> outcomes = race(CROWD, i -> as(crowd.get(i), () -> ideas.support(id)));
                assertThat(outcomes).allSatisfy(Outcome::succeeded);
                assertThat(outcomes).extracting(Outcome::value).as("each support saw its own count").doesNotHaveDuplicates();
                assertThat(supportRows(id)).isEqualTo(CROWD);
                assertThat(supportCount(id)).isEqualTo(CROWD);
                assertThreshold(id);
            }
        });
    }

    @Test
    void supportsAndWithdrawalsRacingLeaveTheCountEqualToTheRows() {
        List<ParticipeUser> crowd = data.confirmedAccounts("fickle", CROWD, Roles.RESIDENT);
        int half = CROWD / 2;
        withTown(rules -> rules.withThreshold(half), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                long id = idea("Une idée soutenue puis délaissée " + round);
                for (ParticipeUser early : crowd.subList(0, half)) {
                    as(early, () -> ideas.support(id));
                }
                // The first half withdraw while the second half support; the first ten also support again at once.
                List<Outcome<Integer>> outcomes = race(CROWD + 10, i -> i < CROWD
                        ? as(crowd.get(i), () -> i < half ? ideas.withdrawSupport(id) : ideas.support(id))
                        : as(crowd.get(i - CROWD), () -> ideas.support(id)));
                assertThat(outcomes).allSatisfy(Outcome::succeeded);
                int rows = supportRows(id);
                assertThat(supportCount(id)).isEqualTo(rows);
                assertThat(rows).isBetween(half, half + 10);
                List<Long> supporters = jdbc.queryForList("select account_id from support where idea_id = ?", Long.class, id);
                assertThat(supporters).containsAll(crowd.subList(half, CROWD).stream().map(ParticipeUser::accountId).toList());
                assertThat(supporters).doesNotContainAnyElementsOf(crowd.subList(10, half).stream().map(ParticipeUser::accountId).toList());
                assertThreshold(id);
            }
        });
    }

    private void assertThreshold(long id) {
        assertThat(jdbc.queryForObject("select count(*) from idea_event where idea_id = ? and kind = 'THRESHOLD_REACHED'", Integer.class, id))
                .isEqualTo(1);
        assertThat(committed.count(IdeaEvents.IdeaReachedThreshold.class, ContentKey.idea(id))).isEqualTo(1);
        awaitNotifications(author, "IDEA_THRESHOLD", "threshold:" + id, 1);
    }

    // Flags -------------------------------------------------------------------------------------

    @Test
    void aCrowdFlaggingAtOnceGivesOneFlagEachAndHidesOnceAtTheThreshold() {
        assertThat(anonymously(() -> town.profile()).flagsToHide()).as("the town's default").isEqualTo(3);
        List<ParticipeUser> crowd = data.confirmedAccounts("flagger", CROWD, Roles.RESIDENT);
        for (int round = 0; round < ROUNDS; round++) {
            long ideaId = idea("Une idée sous laquelle on signale " + round);
            long commentId = as(author, () -> comments.post(ContentKey.idea(ideaId), null, "Un commentaire que toute une foule signale."));
            ContentKey ref = ContentKey.comment(commentId);

            List<Outcome<Boolean>> outcomes = race(CROWD, i -> as(crowd.get(i), () -> moderation.flag(ref, ModerationReason.ABUSE, null)));

            assertThat(outcomes).filteredOn(Outcome::succeeded).as("flags taken until the comment was hidden").hasSize(3);
            assertThat(outcomes).filteredOn(o -> Boolean.TRUE.equals(o.value())).as("the flag that hid it").hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded())
                    .allSatisfy(o -> assertThat(o.refusal()).as("refused in the domain's words").isEqualTo("flag.unknown"));
            assertThat(jdbc.queryForObject("select count(distinct account_id) = count(*) and count(*) = 3 from flag where content_type = 'COMMENT' and content_id = ?",
                    Boolean.class, commentId)).isTrue();
            assertThat(jdbc.queryForObject("select flag_count from moderation_item where content_type = 'COMMENT' and content_id = ?",
                    Integer.class, commentId)).isEqualTo(3);
            assertThat(auditCount(ref, "FLAG")).isEqualTo(3);
            assertThat(auditCount(ref, "AUTO_HIDE")).isEqualTo(1);
            assertThat(committed.count(ModerationEvents.ContentHidden.class, ref)).isEqualTo(1);
            awaitNotifications(author, "MODERATION", "hidden:" + ref + ":%", 1);
        }
    }

    @Test
    void aCrowdFlaggingBelowTheThresholdGivesExactlyOneFlagPerPerson() {
        List<ParticipeUser> crowd = data.confirmedAccounts("many-flags", CROWD, Roles.RESIDENT);
        withTown(rules -> rules.withModeration(CROWD + 1, rules.answerDueDays(), rules.unansweredAlertDays()), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                ContentKey ref = ContentKey.idea(idea("Une idée que beaucoup signalent sans la masquer " + round));
                // Everyone flags once, and ten of them (others each round) flag a second time in the same instant.
                int twice = round * 10;
                List<Outcome<Boolean>> outcomes = race(CROWD + 10, i -> as(crowd.get(i < CROWD ? i : (twice + i - CROWD) % CROWD),
                        () -> moderation.flag(ref, ModerationReason.SPAM, null)));
                assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(CROWD).allSatisfy(o -> assertThat(o.value()).isFalse());
                assertThat(outcomes).filteredOn(o -> !o.succeeded()).hasSize(10)
                        .allSatisfy(o -> assertThat(o.refusal()).isEqualTo("flag.already"));
                assertThat(jdbc.queryForObject("select count(*) from flag where content_type = 'IDEA' and content_id = ?", Integer.class, ref.id()))
                        .isEqualTo(CROWD);
                assertThat(jdbc.queryForObject("select open_flag_count from moderation_item where content_type = 'IDEA' and content_id = ?",
                        Integer.class, ref.id())).isEqualTo(CROWD);
                assertThat(auditCount(ref, "FLAG")).isEqualTo(CROWD);
                assertThat(auditCount(ref, "AUTO_HIDE")).isZero();
            }
        });
    }

    @Test
    void oneResidentFlaggingTwiceAtOnceGivesOneFlag() {
        for (int round = 0; round < ROUNDS; round++) {
            ParticipeUser twice = data.confirmedAccount("twice" + round, Roles.RESIDENT);
            ContentKey ref = ContentKey.idea(idea("Une idée signalée deux fois par la même personne " + round));
            List<Outcome<Boolean>> outcomes = race(2, i -> as(twice, () -> moderation.flag(ref, ModerationReason.OFF_TOPIC, null)));
            assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
            assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement().extracting(Outcome::refusal).isEqualTo("flag.already");
            assertThat(jdbc.queryForObject("select count(*) from flag where content_type = 'IDEA' and content_id = ?", Integer.class, ref.id()))
                    .isEqualTo(1);
            assertThat(auditCount(ref, "FLAG")).isEqualTo(1);
        }
    }

    // Officials on the same item ----------------------------------------------------------------

    @Test
    void twoOfficialsHidingTheSameItemHideItOnceAndTheSecondIsTold() {
        for (int round = 0; round < ROUNDS; round++) {
            ContentKey ref = ContentKey.idea(idea("Une idée que deux élus masquent ensemble " + round));
            ItemVersion seen = seen(ref);
            List<ModerationReason> reasons = List.of(ModerationReason.SPAM, ModerationReason.ABUSE);
            List<Outcome<ActionResult>> outcomes = race(2,
                    i -> as(i == 0 ? official : otherOfficial, () -> moderation.hide(List.of(seen), reasons.get(i), null)));

            Outcome<ActionResult> winner = onlyWinner(outcomes);
            assertThat(winner.value().done()).isEqualTo(1);
            assertThat(auditCount(ref, "HIDE")).isEqualTo(1);
            assertThat(jdbc.queryForObject("select hidden_reason from idea where id = ?", String.class, ref.id()))
                    .isEqualTo(reasons.get(outcomes.indexOf(winner)).name());
            assertThat(committed.count(ModerationEvents.ContentHidden.class, ref)).isEqualTo(1);
        }
    }

    @Test
    void oneOfficialRestoringWhileAnotherHidesAgainLeavesTheWinnersStateAndOneAuditLine() {
        for (int round = 0; round < ROUNDS; round++) {
            ContentKey ref = ContentKey.idea(idea("Une idée masquée puis disputée " + round));
            as(official, () -> moderation.hide(List.of(seen(ref)), ModerationReason.SPAM, null));
            ItemVersion seen = seen(ref);
            List<Outcome<ActionResult>> outcomes = race(2, i -> i == 0
                    ? as(official, () -> moderation.restore(List.of(seen), null))
                    : as(otherOfficial, () -> moderation.hide(List.of(seen), ModerationReason.PERSONAL_DATA, null)));

            boolean restored = onlyWinner(outcomes) == outcomes.get(0);
            assertThat(auditCount(ref, "RESTORE")).isEqualTo(restored ? 1 : 0);
            assertThat(auditCount(ref, "HIDE")).isEqualTo(restored ? 1 : 2);
            assertThat(jdbc.queryForObject("select hidden_reason from idea where id = ?", String.class, ref.id()))
                    .isEqualTo(restored ? null : "PERSONAL_DATA");
            assertThat(jdbc.queryForObject("select hidden = (hidden_reason is not null) from moderation_item where content_type = 'IDEA' and content_id = ?",
                    Boolean.class, ref.id())).as("the queue agrees with the idea").isTrue();
        }
    }

    @Test
    void twoOfficialsApprovingThePendingIdeaPublishItOnce() {
        withTown(rules -> rules.withPreModeration(true), () -> {
            for (int round = 0; round < ROUNDS; round++) {
                long id = idea("Une idée en attente que deux élus valident " + round);
                ContentKey ref = ContentKey.idea(id);
                ItemVersion seen = seen(ref);
                // One approves from the inbox (with the version read), the other from the idea's page.
                List<Outcome<Object>> outcomes = race(2, i -> i == 0
                        ? as(official, () -> moderation.approve(List.of(seen)))
                        : as(otherOfficial, () -> {
                            ideas.approve(id);
                            return "approved or already done";
                        }));

                assertThat(outcomes).allSatisfy(o -> assertThat(o.succeeded() || o.error() instanceof OptimisticLockingFailureException)
                        .as("%s", o).isTrue());
                assertThat(anonymously(() -> ideas.detail(id))).get().extracting(d -> d.status()).isEqualTo(IdeaStatus.PUBLISHED);
                assertThat(auditCount(ref, "APPROVE")).isEqualTo(1);
                assertThat(jdbc.queryForObject("select count(*) from idea_event where idea_id = ? and kind = 'PUBLISHED'", Integer.class, id))
                        .isEqualTo(1);
            }
        });
    }

    @Test
    void twoOfficialsAnsweringTheSameIdeaAnswerItOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            long id = idea("Une idée à laquelle deux élus répondent " + round);
            long version = as(official, () -> ideas.detail(id)).orElseThrow().version();
            List<IdeaStatus> answers = List.of(IdeaStatus.ACCEPTED, IdeaStatus.REJECTED);
            List<Outcome<Object>> outcomes = race(2, i -> as(i == 0 ? official : otherOfficial, () -> {
                ideas.answer(id, answers.get(i), "Une réponse motivée, assez longue pour être publiée.", version);
                return answers.get(i);
            }));

            Outcome<Object> winner = onlyWinner(outcomes);
            assertThat(anonymously(() -> ideas.detail(id))).get().extracting(d -> d.status()).isEqualTo(winner.value());
            assertThat(auditCount(ContentKey.idea(id), "ANSWER")).isEqualTo(1);
            assertThat(jdbc.queryForObject("select count(*) from idea_event where idea_id = ? and kind = 'OFFICIAL_ANSWER'", Integer.class, id))
                    .isEqualTo(1);
        }
    }

    // Helpers -----------------------------------------------------------------------------------

    /** What one task of a race ended with: a value, or the exception its caller would see. */
    record Outcome<T>(T value, Throwable error) {

        boolean succeeded() {
            return error == null;
        }

        /** The message key of a domain refusal (a test failure for any other exception). */
        String refusal() {
            assertThat(error).as("a domain refusal").isInstanceOf(InvalidInputException.class);
            return ((InvalidInputException) error).errors().values().iterator().next().messageKey();
        }
    }

    /**
     * Runs the tasks at once: every thread waits at the gate until all are ready, then all go. The
     * outcomes come back in task order. Anything but a value or a domain answer fails the test.
     */
    private <T> List<Outcome<T>> race(int tasks, IntFunction<T> task) {
        CountDownLatch ready = new CountDownLatch(tasks);
        CountDownLatch gate = new CountDownLatch(1);
        List<Future<Outcome<T>>> futures = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                data.activate();
                ready.countDown();
                gate.await();
                try {
                    return new Outcome<>(task.apply(index), null);
                } catch (InvalidInputException | OptimisticLockingFailureException domainAnswer) {
                    return new Outcome<T>(null, domainAnswer);
                }
            }));
        }
        try {
            assertThat(ready.await(30, TimeUnit.SECONDS)).isTrue();
            gate.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<Outcome<T>> future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
            }
            return outcomes;
        } catch (Exception e) {
            throw new AssertionError("a task of the race ended with an exception no user should see", e);
        }
    }

    /** Exactly one of two officials changed the item; the other was told it changed since they read it. */
    private static <T> Outcome<T> onlyWinner(List<Outcome<T>> outcomes) {
        assertThat(outcomes).filteredOn(Outcome::succeeded).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.succeeded()).singleElement()
                .satisfies(o -> assertThat(o.error()).isInstanceOf(OptimisticLockingFailureException.class));
        return outcomes.stream().filter(Outcome::succeeded).findFirst().orElseThrow();
    }

    private long idea(String title) {
        return as(author, () -> ideas.propose(new IdeaDraft(title, "Une description assez longue pour être acceptée.", category, null, null)));
    }

    private ItemVersion seen(ContentKey ref) {
        return as(official, () -> moderation.current(ref));
    }

    private int supportRows(long id) {
        return jdbc.queryForObject("select count(*) from support where idea_id = ?", Integer.class, id);
    }

    private int supportCount(long id) {
        return jdbc.queryForObject("select support_count from idea_counts where idea_id = ?", Integer.class, id);
    }

    private int auditCount(ContentKey ref, String action) {
        return jdbc.queryForObject("select count(*) from moderation_audit where content_type = ? and content_id = ? and action = ?",
                Integer.class, ref.kind().name(), ref.id(), action);
    }

    /** Awaits the notices of one kind whose event key is like the pattern (the key names the event: one notice per event). */
    private void awaitNotifications(ParticipeUser who, String kind, String eventKeyPattern, int expected) {
        Supplier<Integer> count = () -> jdbc.queryForObject(
                "select count(*) from notification where recipient_id = ? and kind = ? and event_key like ?",
                Integer.class, who.accountId(), kind, eventKeyPattern);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> count.get() >= expected);
        assertThat(count.get()).isEqualTo(expected);
    }

    /** Runs the work with other town rules, then puts the rules back. */
    private void withTown(UnaryOperator<TownSettingsUpdate> change, Runnable work) {
        TownProfile rules = anonymously(() -> town.profile());
        as(admin, () -> town.update(change.apply(TownSettingsUpdate.from(rules))));
        try {
            work.run();
        } finally {
            TownProfile now = anonymously(() -> town.profile());
            as(admin, () -> town.update(new TownSettingsUpdate(now.name(), now.description(), now.mainColour(), rules.thresholdSupports(),
                    rules.thresholdDays(), rules.preModeration(), rules.flagsToHide(), rules.answerDueDays(), rules.unansweredAlertDays(),
                    now.version())));
        }
    }

    /** Counts the events that were committed, whichever thread published them, by kind and content. */
    static class CommittedEvents {

        private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

        @TransactionalEventListener
        void on(IdeaEvents.IdeaReachedThreshold event) {
            counts.computeIfAbsent(key(event.getClass(), ContentKey.idea(event.ideaId())), k -> new AtomicInteger()).incrementAndGet();
        }

        @TransactionalEventListener
        void on(ModerationEvents.ContentHidden event) {
            counts.computeIfAbsent(key(event.getClass(), event.ref()), k -> new AtomicInteger()).incrementAndGet();
        }

        int count(Class<?> kind, ContentKey ref) {
            AtomicInteger count = counts.get(key(kind, ref));
            return count == null ? 0 : count.get();
        }

        private static String key(Class<?> kind, ContentKey ref) {
            return kind.getSimpleName() + ":" + ref.kind() + ":" + ref.id();
        }
    }
}
