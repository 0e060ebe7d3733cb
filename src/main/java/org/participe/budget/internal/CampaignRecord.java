package org.participe.budget.internal;

import java.time.Instant;

import org.participe.budget.BallotKind;
import org.participe.budget.CountingRule;

/** A {@code budget_campaign} row as the service reads it. */
public record CampaignRecord(long id, String title, String rules, String lang, BallotKind ballotKind, Integer maxProjects,
                             CountingRule countingRule, int minimumAge, Instant submissionOpensAt, Instant reviewOpensAt,
                             Instant voteOpensAt, Instant voteClosesAt, Instant implementationFrom, boolean published, long version) {
}
