package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.participe.budget.counting.Instances.ballot;
import static org.participe.budget.counting.Instances.ballots;
import static org.participe.budget.counting.Instances.concat;
import static org.participe.budget.counting.Instances.project;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Published outcomes and hand calculations. Amounts are in cents: an example in whole currency
 * units is multiplied by 100, which changes neither rule (both are scale-free).
 */
class EqualSharesCountTest {

    /*
     * pabutools' test suite (COMSOC-Community/pabutools, tests/test_rule.py, "Approval example 2"):
     * costs p0 1, p1 0.9, p2 2, p3 1.09, budget 4, ballots {p0}, {p1,p2,p3} twice, {p2}.
     * Published: method_of_equal_shares with Cost_Sat funds {p0, p2}; with the completion by budget
     * increase (their mes_iterated, +1/10 per voter) {p0, p1, p2}.
     */
    private static final Instance PABUTOOLS_EXAMPLE_2 = new Instance(
            List.of(project("p0", 100), project("p1", 90), project("p2", 200), project("p3", 109)), 400,
            List.of(ballot("p0"), ballot("p1", "p2", "p3"), ballot("p1", "p2", "p3"), ballot("p2")));

    @Test
    void pabutoolsExample2WithoutCompletion() {
        // By hand: share 1 each. Round 1: p2's supporters pay 2/3 each, ρ = (2/3)/2 = 1/3, smaller than
        // p1's (0.45/0.9 = 1/2), p3's (1/2) and p0's (1). Round 2: p1 and p3 are out of reach of voters
        // 2 and 3 (1/3 each left), p0 is funded by voter 1.
        EqualSharesRun run = EqualSharesCount.runWithShare(PABUTOOLS_EXAMPLE_2, Fraction.of(100));

        assertThat(run.winners()).containsExactly("p2", "p0");
        assertThat(run.rounds().get(0).rho()).isEqualTo(Fraction.of(1, 3));
        assertThat(run.rounds().get(0).maxPayment()).isEqualTo(Fraction.of(200, 3));
        assertThat(run.rounds().get(1).rho()).isEqualTo(Fraction.ONE);
    }

    @Test
    void pabutoolsExample2WithCompletion() {
        // Our steps: share 1 + k/100. p1 becomes affordable in round 2 once 2 × (b − 2/3) ≥ 0.9, that is
        // b ≥ 1.11667: at k = 12 (b = 1.12) the outcome {p2, p1, p0} costs 3.9 ≤ 4 and nothing else
        // fits (p3 costs 1.09 > 0.1), so the completion stops there. Same set as pabutools publishes.
        EqualSharesResult result = EqualSharesCount.count(PABUTOOLS_EXAMPLE_2);

        assertThat(result.winners()).containsExactly("p2", "p1", "p0");
        assertThat(result.fillWinners()).isEmpty();
        assertThat(result.keptShare()).isEqualTo(Fraction.of(112));
        assertThat(result.completion()).hasSize(13);
        assertThat(result.completion().get(11)).isEqualTo(new CompletionStep(11, Fraction.of(111), 300, true));
        assertThat(result.completion().get(12)).isEqualTo(new CompletionStep(12, Fraction.of(112), 390, true));
        assertThat(result.spent()).isEqualTo(390);
    }

    @Test
    void runningExampleOfLacknerAndSkowron() {
        // Lackner & Skowron, "Multi-Winner Voting with Approval Preferences" (2023), running example, as
        // pabutools' tests/test_rule.py encodes it: 7 projects costing 1, budget 4, 12 voters.
        // Published: Equal Shares (Cost_Sat) funds only a. By hand: share 1/3; a has 8 supporters
        // (ρ = 1/8), then b's and c's supporters hold 3 × 5/24 + 1/3 = 23/24 < 1.
        Instance instance = new Instance(
                List.of(project("a", 100), project("b", 100), project("c", 100), project("d", 100), project("e", 100),
                        project("f", 100), project("g", 100)),
                400,
                concat(ballots(3, "a", "b"), ballots(3, "a", "c"), ballots(2, "a", "d"), ballots(1, "b", "c", "f"),
                        ballots(1, "e"), ballots(1, "f"), ballots(1, "g")));

        EqualSharesRun run = EqualSharesCount.runWithShare(instance, Fraction.of(400, 12));

        assertThat(run.winners()).containsExactly("a");
        assertThat(run.notFunded()).filteredOn(u -> u.projectId().equals("b")).singleElement()
                .satisfies(u -> assertThat(u.supportersMoneyLeft()).isEqualTo(Fraction.of(2300, 24)));
    }

    @Test
    void oneVoterWhoCanAffordEverything() {
        // pabutools' "All affordable": costs 1, 3, 2, 1, budget 7, one voter approving all: all funded.
        // Every ρ is 1 (the voter pays each cost in full): ties go to the lower cost, then the caller's
        // order, so p0, p3, p2, p1.
        Instance instance = new Instance(
                List.of(project("p0", 100), project("p1", 300), project("p2", 200), project("p3", 100)), 700,
                List.of(ballot("p0", "p1", "p2", "p3")));

        EqualSharesResult result = EqualSharesCount.count(instance);

        assertThat(result.winners()).containsExactly("p0", "p3", "p2", "p1");
        assertThat(result.spent()).isEqualTo(700);
    }

    /*
     * The small file of equalshares.net ("How to compute the results?", the .pb example): budget
     * 100,000, projects 1 (5,000), 2 (10,000), 3 (85,000), votes {1,2}, {1}, {3}, {1,2,3}. No outcome is
     * published there; by hand, share 25,000:
     * round 1: project 1, 3 supporters pay 5,000/3 each, ρ = 1/3 (effective votes 3);
     * round 2: project 2, voters 1 and 4 pay 5,000 each, ρ = 1/2;
     * project 3: voter 3 holds 25,000 and voter 4 25,000 − 5,000/3 − 5,000, 130,000/3 together < 85,000.
     * Completion: project 3 needs 2b − 20,000/3 ≥ 85,000, b ≥ 45,833.33; with b = 25,000 × (1 + k/100)
     * that is k = 84 (b = 46,000), where the outcome {1, 2, 3} costs exactly the budget. Rounds 1 and 2
     * never change on the way (ρ of 3 is at least 1/2 and loses the tie with 2, which costs less).
     */
    private static final Instance EQUALSHARES_NET_FILE = new Instance(
            List.of(project("1", 500_000), project("2", 1_000_000), project("3", 8_500_000)), 10_000_000,
            List.of(ballot("1", "2"), ballot("1"), ballot("3"), ballot("1", "2", "3")));

    @Test
    void explainsEachRound() {
        EqualSharesRun run = EqualSharesCount.runWithShare(EQUALSHARES_NET_FILE, Fraction.of(2_500_000));

        assertThat(run.winners()).containsExactly("1", "2");
        assertThat(run.rounds()).containsExactly(
                new EqualSharesRound(1, "1", 500_000, 3, Fraction.of(500_000, 3), Fraction.of(1, 3), Fraction.of(3),
                        List.of(new PaymentGroup(Fraction.of(500_000, 3), 3, false))),
                new EqualSharesRound(2, "2", 1_000_000, 2, Fraction.of(500_000), Fraction.of(1, 2), Fraction.of(2),
                        List.of(new PaymentGroup(Fraction.of(500_000), 2, false))));
        assertThat(run.notFunded()).containsExactly(
                new UnaffordableProject("3", 8_500_000, 2, Fraction.of(13_000_000, 3), false));
    }

    @Test
    void completionRaisesTheShareUntilTheBudgetIsSpent() {
        EqualSharesResult result = EqualSharesCount.count(EQUALSHARES_NET_FILE);

        assertThat(result.initialShare()).isEqualTo(Fraction.of(2_500_000));
        assertThat(result.keptShare()).isEqualTo(Fraction.of(4_600_000));
        assertThat(result.completion()).hasSize(85);
        assertThat(result.completion().get(83)).isEqualTo(new CompletionStep(83, Fraction.of(4_575_000), 1_500_000, true));
        assertThat(result.winners()).containsExactly("1", "2", "3");
        assertThat(result.spent()).isEqualTo(10_000_000);
    }

    @Test
    void fillsGreedilyWhatTheCompletionLeaves() {
        // By hand. Envelope 100 €, 4 voters (share 25 €): B (80 €) approved by voters 1-3, C (30 €) and
        // D (25 €) by voter 4. Share 25 €: B's supporters hold 75 € < 80 €, C's 25 € < 30 €; D is funded
        // (ρ = 1) and voter 4 is left with nothing: outcome {D}, 25 €, and C would still fit.
        // Steps k = 1..6 (share 25.25 € … 26.50 €) give {D} again (B needs a share of 26.67 €).
        // Step 7 (26.75 €) funds B (ρ = 1/3) then D: 105 € > 100 €, refused; {D} at 26.50 € is kept.
        // Fill with 75 € left, by votes: B (3 votes, 80 €) does not fit, C (1 vote, 30 €) fits.
        Instance instance = new Instance(List.of(project("B", 8_000), project("C", 3_000), project("D", 2_500)),
                10_000, concat(ballots(3, "B"), ballots(1, "C", "D")));

        EqualSharesResult result = EqualSharesCount.count(instance);

        assertThat(result.equalSharesWinners()).containsExactly("D");
        assertThat(result.fillWinners()).containsExactly("C");
        assertThat(result.winners()).containsExactly("D", "C");
        assertThat(result.spent()).isEqualTo(5_500);
        assertThat(result.keptShare()).isEqualTo(Fraction.of(2_650));
        assertThat(result.completion()).hasSize(8);
        assertThat(result.completion().get(7)).isEqualTo(new CompletionStep(7, Fraction.of(2_675), 10_500, false));
        assertThat(result.notFunded()).containsExactly(
                new UnaffordableProject("B", 8_000, 3, Fraction.of(7_950), false),
                new UnaffordableProject("C", 3_000, 1, Fraction.of(150), true));
        assertThat(result.fill().moneyRanOutAt()).contains("B");
    }
}
