package org.participe.budget;

import java.time.Instant;
import java.util.List;

/**
 * The results of a campaign whose vote has closed: counted (with every envelope's result and the
 * turnout) or not yet ({@code countedAt} null: the count is due). {@code canCount} says whether the
 * current person may run the count now (staff, closed, not counted).
 */
public record VoteResults(long campaignId, String title, String countingRule, Instant voteClosesAt, Instant countedAt,
        boolean canCount, int voters, List<EnvelopeResult> envelopes, List<TurnoutGroup> turnout) {

    public VoteResults {
        envelopes = List.copyOf(envelopes);
        turnout = List.copyOf(turnout);
    }

    public boolean counted() {
        return countedAt != null;
    }
}
