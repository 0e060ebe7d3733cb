package org.participe.budget;

import java.time.LocalDate;
import java.util.Optional;

import org.participe.accounts.AgeEligibility;

/**
 * Who may vote in a campaign, as a plain rule: a confirmed account that no official blocked, old
 * enough on the day by the accounts' {@link AgeEligibility} (from the year of birth), while the vote
 * is open; and, for a neighbourhood's envelope, a person who declared that neighbourhood (the
 * whole-town envelope is open to every eligible resident).
 */
public final class VoterEligibility {

    private VoterEligibility() {
    }

    /** What the rule needs to know of a person: {@code birthYear} and {@code neighbourhoodId} may be null (not declared). */
    public record Voter(boolean confirmed, boolean blocked, Integer birthYear, Long neighbourhoodId) {
    }

    /** Whether {@code voter} (empty: a visitor) may vote now in a campaign in {@code phase} with this minimum age. */
    public static BallotAccess access(Optional<Voter> voter, BudgetPhase phase, int minimumAge, LocalDate today) {
        if (phase.voteClosed()) {
            return BallotAccess.CLOSED;
        }
        if (!phase.voteOpen()) {
            return BallotAccess.NOT_OPEN_YET;
        }
        if (voter.isEmpty()) {
            return BallotAccess.SIGN_IN;
        }
        Voter person = voter.get();
        if (!person.confirmed()) {
            return BallotAccess.CONFIRM_EMAIL;
        }
        if (person.blocked()) {
            return BallotAccess.BLOCKED;
        }
        if (person.birthYear() == null) {
            return BallotAccess.BIRTH_YEAR_MISSING;
        }
        if (!new AgeEligibility(minimumAge).isEligible(person.birthYear(), today)) {
            return BallotAccess.TOO_YOUNG;
        }
        return BallotAccess.ALLOWED;
    }

    /** Whether an eligible voter may vote in an envelope ({@code envelopeNeighbourhoodId} null: the whole town). */
    public static boolean mayVoteIn(Voter voter, Long envelopeNeighbourhoodId) {
        return envelopeNeighbourhoodId == null || envelopeNeighbourhoodId.equals(voter.neighbourhoodId());
    }
}
