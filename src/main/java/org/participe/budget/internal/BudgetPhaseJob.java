package org.participe.budget.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.participe.budget.BudgetEvents;
import org.participe.budget.BudgetPhase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells a campaign's followers when it enters a new phase (submission opens, review, vote, results,
 * implementation). Every instance looks (every {@code participe.budget.phase-delay}, a minute by
 * default); the conditional update of {@code announced_phase} from the value read lets one instance
 * only record each change, and only that one publishes {@link BudgetEvents.CampaignPhaseChanged}, in
 * the same transaction (the event publication registry delivers it after the commit).
 *
 * <p>The first time the job sees a campaign ({@code announced_phase} null) it records the phase
 * silently: a campaign is first seen soon after it is published, nobody could follow it before, and
 * its publication is not a change of phase; a campaign published late, already in its vote, does
 * not tell of the vote opening days ago. A campaign moving back (staff moved its dates) is told its
 * phase again, except back to "coming soon" (recorded silently); the notifications' event key
 * ({@code campaign and phase}) keeps anyone from being told the same phase of a campaign twice.
 */
@Component
class BudgetPhaseJob {

    private static final Logger log = LoggerFactory.getLogger(BudgetPhaseJob.class);

    private final CampaignStore campaigns;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    BudgetPhaseJob(CampaignStore campaigns, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.campaigns = campaigns;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${participe.budget.phase-delay:PT1M}", initialDelayString = "${participe.budget.phase-delay:PT1M}")
    void run() {
        announcePhases();
    }

    /** One look at every published campaign; the campaigns whose new phase this call announced. */
    List<Long> announcePhases() {
        List<Long> announced = new ArrayList<>();
        Instant now = clock.instant();
        for (CampaignStore.PhaseWatch campaign : campaigns.phaseWatches()) {
            BudgetPhase phase = campaign.phaseAt(now);
            if (phase == campaign.announced()) {
                continue;
            }
            try {
                transaction.executeWithoutResult(status -> {
                    boolean won = campaigns.announcePhase(campaign.id(), campaign.announced(), phase);
                    if (won && campaign.announced() != null && phase != BudgetPhase.UPCOMING) {
                        events.publishEvent(new BudgetEvents.CampaignPhaseChanged(campaign.id(), campaign.title(), phase));
                        announced.add(campaign.id());
                    }
                });
            } catch (RuntimeException e) {
                log.error("Citizens' budget: announcing phase {} of campaign {} failed; it will be tried again", phase, campaign.id(), e);
            }
        }
        return announced;
    }
}
