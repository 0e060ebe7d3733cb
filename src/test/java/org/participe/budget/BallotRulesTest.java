package org.participe.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.participe.budget.BallotRules.Kind;
import org.participe.budget.BallotRules.Refusal;
import org.participe.budget.VoterEligibility.Voter;

/** The ballot's and the voter's rules, as the server applies them to every cast. */
class BallotRulesTest {

    private static final Map<Long, Long> COSTS = Map.of(1L, 40_00L, 2L, 30_00L, 3L, 50_00L);
    private static final LocalDate DAY = LocalDate.of(2027, 3, 15);

    @Test
    void withinBudgetAcceptsUpToTheEnvelopeExactly() {
        assertThat(BallotRules.check(Kind.WITHIN_BUDGET, null, 90_00, COSTS, Set.of(1L, 3L))).isEmpty();
        assertThat(BallotRules.check(Kind.WITHIN_BUDGET, null, 89_99, COSTS, Set.of(1L, 3L))).contains(Refusal.OVER_BUDGET);
        assertThat(BallotRules.check(Kind.WITHIN_BUDGET, null, 10_00, COSTS, Set.of())).as("an empty ballot is a ballot").isEmpty();
    }

    @Test
    void aProjectNotOnTheBallotIsRefusedWhateverTheTotal() {
        assertThat(BallotRules.check(Kind.WITHIN_BUDGET, null, 1_000_00, COSTS, Set.of(1L, 99L))).contains(Refusal.NOT_ON_BALLOT);
        assertThat(BallotRules.check(Kind.AT_MOST_K, 5, 1_000_00, COSTS, Set.of(99L))).contains(Refusal.NOT_ON_BALLOT);
    }

    @Test
    void atMostKCountsProjectsNotMoney() {
        assertThat(BallotRules.check(Kind.AT_MOST_K, 2, 1_00, COSTS, Set.of(1L, 3L))).isEmpty();
        assertThat(BallotRules.check(Kind.AT_MOST_K, 2, 1_000_00, COSTS, Set.of(1L, 2L, 3L))).contains(Refusal.TOO_MANY);
    }

    @Test
    void fitsIsWhatThePageDisables() {
        assertThat(BallotRules.fits(Kind.WITHIN_BUDGET, null, 90_00, 40_00, 1, 50_00)).isTrue();
        assertThat(BallotRules.fits(Kind.WITHIN_BUDGET, null, 90_00, 40_00, 1, 50_01)).isFalse();
        assertThat(BallotRules.fits(Kind.AT_MOST_K, 2, 0, 0, 1, 1_000_00)).isTrue();
        assertThat(BallotRules.fits(Kind.AT_MOST_K, 2, 0, 0, 2, 1)).isFalse();
    }

    @Test
    void eligibilityExplainsEachRefusalInOrder() {
        Voter adult = new Voter(true, false, 1990, 7L);
        assertThat(access(Optional.of(adult), BudgetPhase.VOTE)).isEqualTo(BallotAccess.ALLOWED);
        assertThat(access(Optional.empty(), BudgetPhase.VOTE)).isEqualTo(BallotAccess.SIGN_IN);
        assertThat(access(Optional.of(new Voter(false, false, 1990, null)), BudgetPhase.VOTE)).isEqualTo(BallotAccess.CONFIRM_EMAIL);
        assertThat(access(Optional.of(new Voter(true, true, 1990, null)), BudgetPhase.VOTE)).isEqualTo(BallotAccess.BLOCKED);
        assertThat(access(Optional.of(new Voter(true, false, null, null)), BudgetPhase.VOTE)).isEqualTo(BallotAccess.BIRTH_YEAR_MISSING);
        assertThat(access(Optional.of(adult), BudgetPhase.REVIEW)).isEqualTo(BallotAccess.NOT_OPEN_YET);
        assertThat(access(Optional.of(adult), BudgetPhase.RESULTS)).isEqualTo(BallotAccess.CLOSED);
        assertThat(access(Optional.empty(), BudgetPhase.IMPLEMENTATION)).as("the phase comes first: nobody is asked to sign in to a closed vote")
                .isEqualTo(BallotAccess.CLOSED);
    }

    @Test
    void ageCountsFromTheFirstOfJanuaryOfTheYearOfBirthWithTheCampaignsMinimum() {
        assertThat(VoterEligibility.access(Optional.of(new Voter(true, false, 2011, null)), BudgetPhase.VOTE, 16, DAY)).isEqualTo(BallotAccess.ALLOWED);
        assertThat(VoterEligibility.access(Optional.of(new Voter(true, false, 2012, null)), BudgetPhase.VOTE, 16, DAY)).isEqualTo(BallotAccess.TOO_YOUNG);
        assertThat(VoterEligibility.access(Optional.of(new Voter(true, false, 2012, null)), BudgetPhase.VOTE, 11, DAY)).isEqualTo(BallotAccess.ALLOWED);
    }

    @Test
    void aNeighbourhoodEnvelopeIsForItsResidentsTheTownsForAll() {
        Voter here = new Voter(true, false, 1990, 7L);
        Voter undeclared = new Voter(true, false, 1990, null);
        assertThat(VoterEligibility.mayVoteIn(here, null)).isTrue();
        assertThat(VoterEligibility.mayVoteIn(here, 7L)).isTrue();
        assertThat(VoterEligibility.mayVoteIn(here, 8L)).isFalse();
        assertThat(VoterEligibility.mayVoteIn(undeclared, null)).isTrue();
        assertThat(VoterEligibility.mayVoteIn(undeclared, 7L)).isFalse();
    }

    @Test
    void theOrderIsStableForAPersonAndDiffersBetweenPeople() {
        List<BallotProject> projects = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L).stream()
                .map(id -> new BallotProject(id, "P" + id, "", 100)).toList();
        long seed = BallotService.orderSeed(12, 345);
        assertThat(seed).isBetween(0L, 999_999L).isEqualTo(BallotService.orderSeed(12, 345));
        assertThat(BallotService.inOrder(projects, seed, 3)).isEqualTo(BallotService.inOrder(projects, seed, 3))
                .containsExactlyInAnyOrderElementsOf(projects);
        long distinctFirsts = java.util.stream.LongStream.range(1, 200)
                .mapToObj(account -> BallotService.inOrder(projects, BallotService.orderSeed(12, account), 3).getFirst().id())
                .distinct().count();
        assertThat(distinctFirsts).as("every project comes first on someone's ballot").isEqualTo(8);
    }

    private static BallotAccess access(Optional<Voter> voter, BudgetPhase phase) {
        return VoterEligibility.access(voter, phase, 16, DAY);
    }
}
