package org.participe.budget;

import java.time.Instant;
import java.util.List;

/**
 * The ballot page of a campaign for the current person: whether they may vote and why not, the
 * stated seed of their random order, and one ballot per envelope they may vote in.
 * {@code otherNeighbourhoods} says the campaign also has envelopes for neighbourhoods the person did
 * not declare (or none declared: {@code neighbourhoodUndeclared}), so that the page can say why they
 * are not offered.
 */
public record BallotPage(long campaignId, String title, BudgetPhase phase, Instant voteClosesAt, BallotRules.Kind kind,
        Integer maxProjects, String countingRule, int minimumAge, BallotAccess access, long seed,
        List<EnvelopeBallot> envelopes, boolean otherNeighbourhoods, boolean neighbourhoodUndeclared) {

    public BallotPage {
        envelopes = List.copyOf(envelopes);
    }
}
