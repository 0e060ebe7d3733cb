package org.participe.budget;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * A campaign as its page and its editor show it: dates both as days of the town (as staff wrote
 * them) and as instants, the phase now, the timeline, and what the viewer may do.
 */
public record CampaignDetail(long id, String title, String rules, String lang, List<Envelope> envelopes,
                             LocalDate submissionFrom, LocalDate reviewFrom, LocalDate voteFrom, LocalDate voteUntil,
                             LocalDate implementationFrom, Instant voteOpensAt, Instant voteClosesAt,
                             int minimumAge, BallotKind ballotKind, Integer maxProjects, CountingRule countingRule,
                             boolean published, BudgetPhase phase, List<PhaseStep> timeline, long version,
                             CampaignCapabilities can) {

    public long totalCents() {
        return envelopes.stream().mapToLong(Envelope::amountCents).sum();
    }

    public Optional<Envelope> envelope(long envelopeId) {
        return envelopes.stream().filter(e -> e.id() == envelopeId).findFirst();
    }

    /** Whether the ballot kind, the counting rule and the envelopes' amounts are fixed: the vote has opened. */
    public boolean rulesFixed() {
        return phase.compareTo(BudgetPhase.VOTE) >= 0;
    }
}
