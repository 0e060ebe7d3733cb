package org.participe.budget.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.participe.budget.BudgetFixture;
import org.participe.budget.CountExplanation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The demo's ballots: nothing without the demo's campaigns; with them, ballots through the store, the closed one counted, once. */
@SpringBootTest
class DemoBudgetBallotsIT {

    @Autowired BallotStore store;
    @Autowired BudgetCounter counter;
    @Autowired PlatformTransactionManager transactions;
    @Autowired Clock clock;
    @Autowired BudgetFixture fixture;

    private static int seed(TransactionTemplate transaction, DemoBudgetBallots demo) {
        Integer cast = transaction.execute(status -> demo.seed());
        return cast == null ? 0 : cast;
    }

    @Test
    void castsBallotsInTheDemoCampaignsAndCountsTheClosedOneOnce() {
        DemoBudgetBallots demo = new DemoBudgetBallots(store, counter, transactions, clock);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        assertThat(seed(transaction, demo)).as("no demo campaign, nothing to do").isZero();

        for (int i = 0; i < 6; i++) {
            fixture.resident(1960 + i, null);
        }
        Instant now = Instant.now();
        long open = fixture.campaign(DemoBudgetBallots.OPEN, CountExplanation.EQUAL_SHARES, "WITHIN_BUDGET", null,
                now.minus(Duration.ofDays(3)), now.plus(Duration.ofDays(20)));
        long openEnvelope = fixture.envelope(open, null, 50_000_00);
        fixture.project(open, openEnvelope, "Un premier projet ouvert au vote", 20_000_00);
        fixture.project(open, openEnvelope, "Un second projet ouvert au vote", 25_000_00);
        long closed = fixture.campaign(DemoBudgetBallots.CLOSED, CountExplanation.GREEDY, "WITHIN_BUDGET", null,
                now.minus(Duration.ofDays(300)), now.minus(Duration.ofDays(270)));
        long closedEnvelope = fixture.envelope(closed, null, 50_000_00);
        fixture.project(closed, closedEnvelope, "Un premier projet de l'an passé", 20_000_00);
        fixture.project(closed, closedEnvelope, "Un second projet de l'an passé", 40_000_00);

        assertThat(seed(transaction, demo)).isPositive();
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ? and voter_key is not null", openEnvelope)).isPositive();
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ?", closedEnvelope)).isPositive();
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id = ? and voter_key is not null", closedEnvelope))
                .as("the closed campaign was counted: keys erased").isZero();
        assertThat(fixture.count("select count(*) from budget_result where envelope_id = ?", closedEnvelope)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from budget_participation where envelope_id = ? and first_cast_on > date '2000-01-01'",
                closedEnvelope)).isPositive();

        int ballots = fixture.count("select count(*) from budget_ballot where envelope_id in (?, ?)", openEnvelope, closedEnvelope);
        assertThat(seed(transaction, demo)).as("a second start leaves them").isZero();
        assertThat(fixture.count("select count(*) from budget_ballot where envelope_id in (?, ?)", openEnvelope, closedEnvelope)).isEqualTo(ballots);
    }
}
