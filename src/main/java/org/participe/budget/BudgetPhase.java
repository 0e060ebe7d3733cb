package org.participe.budget;

import java.time.Instant;

/**
 * Where a citizens' budget campaign stands, decided by its dates alone (budget_campaign's
 * {@code *_at} columns): before submission opens it is upcoming; each phase runs from its date to the
 * next one's; results are shown from the close of the vote until implementation starts (if a date is
 * set), then implementation. The one rule that every use (pages, ballots, the phase job, the count)
 * asks, so that they never disagree on whether the vote is open.
 */
public enum BudgetPhase {

    UPCOMING, SUBMISSION, REVIEW, VOTE, RESULTS, IMPLEMENTATION;

    /** The phase at {@code now} of a campaign with these dates ({@code implementationFrom} may be null). */
    public static BudgetPhase at(Instant now, Instant submissionOpensAt, Instant reviewOpensAt, Instant voteOpensAt,
                                 Instant voteClosesAt, Instant implementationFrom) {
        if (now.isBefore(submissionOpensAt)) {
            return UPCOMING;
        }
        if (now.isBefore(reviewOpensAt)) {
            return SUBMISSION;
        }
        if (now.isBefore(voteOpensAt)) {
            return REVIEW;
        }
        if (now.isBefore(voteClosesAt)) {
            return VOTE;
        }
        if (implementationFrom == null || now.isBefore(implementationFrom)) {
            return RESULTS;
        }
        return IMPLEMENTATION;
    }

    /** Whether ballots may be cast or changed. */
    public boolean voteOpen() {
        return this == VOTE;
    }

    /** Whether residents may submit projects. */
    public boolean submissionOpen() {
        return this == SUBMISSION;
    }

    /** Whether the vote has closed, so that the count has run or is due. */
    public boolean voteClosed() {
        return this == RESULTS || this == IMPLEMENTATION;
    }
}
