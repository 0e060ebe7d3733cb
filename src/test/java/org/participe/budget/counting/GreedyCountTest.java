package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.budget.counting.Instances.ballot;
import static org.participe.budget.counting.Instances.project;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.participe.budget.counting.GreedyStep.Decision;

class GreedyCountTest {

    /*
     * Hand calculation. Votes: A 5, B 4, C 4, D 2, E 0; costs A 60 €, B 50 €, C 30 €, D 10 €, E 5 €;
     * envelope 100 €. Order: A (5 votes), then B and C tie on 4 votes and C costs less, so C, then B,
     * then D. A fits (40 € left), C fits (10 € left), B does not fit (skipped: the money runs out
     * here), D fits (0 € left). E has no vote and is never funded although it costs 5 €.
     */
    private static final Instance EXAMPLE = new Instance(
            List.of(project("A", 6_000), project("B", 5_000), project("C", 3_000), project("D", 1_000),
                    project("E", 500)),
            10_000,
            List.of(ballot("A", "B", "C"), ballot("A", "B", "C"), ballot("A", "B", "C"), ballot("A", "B", "D"),
                    ballot("A", "C", "D")));

    @Test
    void takesProjectsByVotesAndSkipsThoseThatDoNotFit() {
        GreedyResult result = GreedyCount.count(EXAMPLE);

        assertThat(result.winners()).containsExactly("A", "C", "D");
        assertThat(result.spent()).isEqualTo(10_000);
        assertThat(result.leftOver()).isZero();
        assertThat(result.moneyRanOutAt()).contains("B");
        assertThat(result.steps()).containsExactly(
                new GreedyStep("A", 5, 6_000, Decision.FUNDED, 4_000),
                new GreedyStep("C", 4, 3_000, Decision.FUNDED, 1_000),
                new GreedyStep("B", 4, 5_000, Decision.DOES_NOT_FIT, 1_000),
                new GreedyStep("D", 2, 1_000, Decision.FUNDED, 0),
                new GreedyStep("E", 0, 500, Decision.NO_VOTES, 0));
    }

    @Test
    void breaksEqualVotesAndCostsByTheCallersOrder() {
        // X and Y: 2 votes each, 30 € each, room for one: the first in the caller's order wins.
        List<java.util.Set<String>> ballots = List.of(ballot("X", "Y"), ballot("X", "Y"));
        Instance xFirst = new Instance(List.of(project("X", 3_000), project("Y", 3_000)), 3_000, ballots);
        Instance yFirst = new Instance(List.of(project("Y", 3_000), project("X", 3_000)), 3_000, ballots);

        assertThat(GreedyCount.count(xFirst).winners()).containsExactly("X");
        assertThat(GreedyCount.count(yFirst).winners()).containsExactly("Y");
    }

    @Test
    void fundsNothingWithAnEmptyEnvelope() {
        Instance instance = new Instance(List.of(project("A", 100)), 0, List.of(ballot("A")));
        GreedyResult result = GreedyCount.count(instance);

        assertThat(result.winners()).isEmpty();
        assertThat(result.moneyRanOutAt()).contains("A");
    }
}
