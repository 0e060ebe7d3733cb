package org.participe.budget.internal;

import java.time.Instant;

import org.participe.budget.BallotKind;
import org.participe.budget.CountingRule;

/** What the service writes into a {@code budget_campaign} row, dates already turned into instants of the town. */
public record CampaignRow(String title, String rules, BallotKind ballotKind, Integer maxProjects, CountingRule countingRule,
                          int minimumAge, Instant submissionOpensAt, Instant reviewOpensAt, Instant voteOpensAt,
                          Instant voteClosesAt, Instant implementationFrom, boolean published) {
}
