package org.participe.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.test.Security.as;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.participe.base.content.ContentKey;
import org.participe.budget.BudgetFixture;
import org.participe.budget.BudgetPhase;
import org.participe.budget.CountExplanation;
import org.participe.follows.FollowService;
import org.participe.security.ParticipeUser;
import org.participe.test.MutableClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The phase job: a campaign first seen records its phase silently; when the clock moves it into its
 * vote, its followers (and only they) are told once, however many runs race.
 */
@SpringBootTest
@Import(MutableClock.Config.class)
@RecordApplicationEvents
class BudgetPhaseJobIT {

    @Autowired BudgetPhaseJob job;
    @Autowired CampaignStore campaigns;
    @Autowired BudgetFixture fixture;
    @Autowired FollowService follows;
    @Autowired MutableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void followersAreToldOnceThatTheVoteIsOpenEvenWhenRunsRace() throws Exception {
        Instant now = Instant.now();
        clock.set(now);
        String title = "Budget participatif " + UUID.randomUUID().toString().substring(0, 8);
        long campaign = fixture.campaign(title, CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET", null, now.plus(Duration.ofDays(2)),
                now.plus(Duration.ofDays(20)));
        ParticipeUser follower = fixture.resident();
        ParticipeUser otherFollower = fixture.resident();
        ParticipeUser bystander = fixture.resident();
        as(follower, () -> follows.follow(ContentKey.budgetCampaign(campaign)));
        as(otherFollower, () -> follows.follow(ContentKey.budgetCampaign(campaign)));

        // First sight, in review: recorded, nobody told.
        assertThat(job.announcePhases()).doesNotContain(campaign);
        assertThat(announced(campaign)).isEqualTo("REVIEW");
        assertThat(job.announcePhases()).doesNotContain(campaign);

        // Three days later the vote is open; four runs race (several instances).
        clock.set(now.plus(Duration.ofDays(3)));
        List<Long> announcedByRuns = race(4, () -> job.announcePhases());
        announcedByRuns.addAll(job.announcePhases());
        assertThat(announcedByRuns.stream().filter(id -> id == campaign)).hasSizeLessThanOrEqualTo(1);
        assertThat(announced(campaign)).isEqualTo("VOTE");

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> notifications(campaign, follower) == 1 && notifications(campaign, otherFollower) == 1);
        assertThat(fixture.jdbc().sql("select subject from notification where recipient_id = ? and event_key like ?")
                .params(follower.accountId(), "budget-phase:" + campaign + ":%").query(String.class).single())
                .isEqualTo(title + " : le vote est ouvert");
        assertThat(fixture.jdbc().sql("select kind || ' ' || target_type || ' ' || target_id from notification where recipient_id = ? and event_key like ?")
                .params(follower.accountId(), "budget-phase:" + campaign + ":%").query(String.class).single())
                .isEqualTo("BUDGET_PHASE BUDGET_CAMPAIGN " + campaign);
        assertThat(notifications(campaign, bystander)).isZero();

        // Later runs in the same phase tell nothing more.
        assertThat(job.announcePhases()).doesNotContain(campaign);
        assertThat(notifications(campaign, follower)).isEqualTo(1);
    }

    @Test
    void onlyOneOfTwoInstancesRecordsTheChange() throws Exception {
        Instant now = Instant.now();
        long campaign = fixture.campaign("Budget " + UUID.randomUUID().toString().substring(0, 8), CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET",
                null, now.plus(Duration.ofDays(2)), now.plus(Duration.ofDays(20)));
        assertThat(campaigns.announcePhase(campaign, null, BudgetPhase.REVIEW)).isTrue();

        List<Boolean> wins = race(6, () -> campaigns.announcePhase(campaign, BudgetPhase.REVIEW, BudgetPhase.VOTE));

        assertThat(wins).containsOnlyOnce(true);
        assertThat(announced(campaign)).isEqualTo("VOTE");
    }

    @Test
    void draftsAreNeitherRecordedNorAnnounced() {
        Instant now = Instant.now();
        clock.set(now);
        long campaign = fixture.campaign("Budget " + UUID.randomUUID().toString().substring(0, 8), CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET",
                null, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(20)));
        fixture.jdbc().sql("update budget_campaign set published = false where id = ?").param(campaign).update();

        assertThat(job.announcePhases()).doesNotContain(campaign);
        assertThat(announced(campaign)).isNull();
    }

    private String announced(long campaign) {
        return fixture.jdbc().sql("select announced_phase from budget_campaign where id = ?").param(campaign).query(String.class).optional().orElse(null);
    }

    private int notifications(long campaign, ParticipeUser user) {
        return fixture.count("select count(*) from notification where recipient_id = ? and event_key like ?", user.accountId(),
                "budget-phase:" + campaign + ":%");
    }

    /** Runs the task on that many threads at once; what each returned (lists are joined). */
    @SuppressWarnings("unchecked")
    private static <T> List<T> race(int threads, Callable<?> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<?> future : futures) {
                Object result = future.get();
                if (result instanceof List<?> list) {
                    results.addAll((List<T>) list);
                } else {
                    results.add((T) result);
                }
            }
            return results;
        } finally {
            pool.shutdown();
        }
    }
}
