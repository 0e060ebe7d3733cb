package org.participe.budget.internal;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts each campaign whose vote has closed, soon after the close: every instance looks (every
 * {@code participe.budget.count-delay}, a minute by default), and {@link BudgetCounter}'s claim lets
 * only one count each campaign. A campaign's count that fails is rolled back whole and tried again
 * at the next look; the others go on.
 */
@Component
class BudgetCountJob {

    private static final Logger log = LoggerFactory.getLogger(BudgetCountJob.class);

    private final CountStore counts;
    private final BudgetCounter counter;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BudgetCountJob(CountStore counts, BudgetCounter counter, PlatformTransactionManager transactions, Clock clock) {
        this.counts = counts;
        this.counter = counter;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${participe.budget.count-delay:PT1M}", initialDelayString = "${participe.budget.count-delay:PT1M}")
    void countClosedVotes() {
        for (long campaign : counts.due(clock.instant())) {
            try {
                transaction.executeWithoutResult(status -> counter.countIfDue(campaign));
            } catch (RuntimeException e) {
                log.error("Citizens' budget: the count of campaign {} failed; it will be tried again", campaign, e);
            }
        }
    }
}
