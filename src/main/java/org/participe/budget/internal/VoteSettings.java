package org.participe.budget.internal;

import java.time.Instant;

import org.participe.budget.BallotRules;
import org.participe.budget.BudgetPhase;

/** What the vote and the count need of a campaign (budget_campaign), read by narrow queries of their own. */
public record VoteSettings(long id, String title, BallotRules.Kind kind, Integer maxProjects, String countingRule,
        int minimumAge, Instant submissionOpensAt, Instant reviewOpensAt, Instant voteOpensAt, Instant voteClosesAt,
        Instant implementationFrom, boolean published, Instant countedAt, String language) {

    public BudgetPhase phaseAt(Instant now) {
        return BudgetPhase.at(now, submissionOpensAt, reviewOpensAt, voteOpensAt, voteClosesAt, implementationFrom);
    }
}
