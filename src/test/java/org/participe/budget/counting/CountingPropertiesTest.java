package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.participe.budget.counting.GreedyStep.Decision;

/** Properties both rules must keep, over 200 seeded random envelopes per property ({@link Instances#random}). */
class CountingPropertiesTest {

    private static final int INSTANCES = 200;

    private static List<Instance> instances(long seed) {
        Random random = new Random(seed);
        List<Instance> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(Instances.random(random));
        }
        return instances;
    }

    private static long cost(Instance instance, List<String> winners) {
        Map<String, Long> costs = new HashMap<>();
        instance.projects().forEach(p -> costs.put(p.id(), p.cost()));
        return winners.stream().mapToLong(costs::get).sum();
    }

    @Test
    void neitherRuleEverExceedsTheEnvelope() {
        for (Instance instance : instances(1)) {
            GreedyResult greedy = GreedyCount.count(instance);
            EqualSharesResult shares = EqualSharesCount.count(instance);

            assertThat(greedy.spent()).isEqualTo(cost(instance, greedy.winners())).isLessThanOrEqualTo(instance.budget());
            assertThat(shares.spent()).isEqualTo(cost(instance, shares.winners())).isLessThanOrEqualTo(instance.budget());
            assertThat(shares.winners()).doesNotHaveDuplicates();
        }
    }

    @Test
    void aProjectEveryoneApprovesThatFitsAlwaysWins() {
        Random random = new Random(2);
        for (Instance base : instances(2)) {
            if (base.budget() == 0) {
                continue;
            }
            long cost = 1 + random.nextInt((int) base.budget());
            List<Project> projects = new ArrayList<>(base.projects());
            projects.add(random.nextInt(projects.size() + 1), new Project("everyone", "", cost));
            List<Set<String>> ballots = new ArrayList<>();
            for (Set<String> ballot : base.ballots()) {
                Set<String> withIt = new LinkedHashSet<>(ballot);
                withIt.add("everyone");
                ballots.add(withIt);
            }
            // One more voter who wants only it: no other project can be approved by every voter too.
            ballots.add(Set.of("everyone"));
            Instance instance = new Instance(projects, base.budget(), ballots);

            assertThat(GreedyCount.count(instance).winners()).contains("everyone");
            assertThat(EqualSharesCount.count(instance).equalSharesWinners()).contains("everyone");
        }
    }

    @Test
    void greedyFollowsTheVotesAndSkipsOnlyWhatDoesNotFit() {
        for (Instance instance : instances(3)) {
            GreedyResult result = GreedyCount.count(instance);
            long remaining = instance.budget();
            long previousVotes = Long.MAX_VALUE;
            for (GreedyStep step : result.steps()) {
                assertThat(step.votes()).isLessThanOrEqualTo(previousVotes);
                previousVotes = step.votes();
                switch (step.decision()) {
                    case FUNDED -> {
                        assertThat(step.cost()).isLessThanOrEqualTo(remaining);
                        remaining -= step.cost();
                    }
                    case DOES_NOT_FIT -> assertThat(step.cost()).isGreaterThan(remaining);
                    case NO_VOTES -> assertThat(step.votes()).isZero();
                }
                assertThat(step.remainingAfter()).isEqualTo(remaining);
            }
            assertThat(result.steps()).hasSize(instance.projects().size());
            assertThat(result.steps().stream().filter(s -> s.decision() == Decision.FUNDED).map(GreedyStep::projectId))
                    .containsExactlyElementsOf(result.winners());
        }
    }

    /**
     * Replays the kept run's rounds ballot by ballot: each supporter pays min(what she holds, the
     * round's maximum payment). The payments must add up to each project's cost exactly, match the
     * payment groups of the explanation, and no voter may pay more than the kept share: so no group
     * of voters pays more than its members' shares.
     */
    @Test
    void equalSharesNeverLetsVotersPayMoreThanTheirShare() {
        for (Instance instance : instances(4)) {
            EqualSharesResult result = EqualSharesCount.count(instance);
            if (instance.ballots().isEmpty()) {
                continue;
            }
            Fraction[] held = new Fraction[instance.ballots().size()];
            java.util.Arrays.fill(held, result.keptShare());
            for (EqualSharesRound round : result.rounds()) {
                Fraction paid = Fraction.ZERO;
                Map<Fraction, Long> groups = new HashMap<>();
                for (int i = 0; i < held.length; i++) {
                    if (instance.ballots().get(i).contains(round.projectId())) {
                        Fraction payment = held[i].min(round.maxPayment());
                        held[i] = held[i].subtract(payment);
                        paid = paid.add(payment);
                        if (payment.signum() > 0) {
                            groups.merge(payment, 1L, Long::sum);
                        }
                    }
                }
                assertThat(paid).isEqualTo(Fraction.of(round.cost()));
                Map<Fraction, Long> explained = new HashMap<>();
                round.payments().forEach(g -> explained.put(g.amount(), g.voters()));
                assertThat(explained).isEqualTo(groups);
                assertThat(round.rho()).isEqualTo(round.maxPayment().divide(round.cost()));
            }
            for (Fraction left : held) {
                assertThat(left.signum()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void equalSharesAgreesWithAPlainImplementationOfTheRule() {
        for (Instance instance : instances(5)) {
            if (instance.ballots().isEmpty()) {
                continue;
            }
            for (int raise : new int[] {100, 117, 250}) {
                Fraction share = Fraction.of(instance.budget(), instance.ballots().size()).multiply(raise).divide(100);
                assertThat(EqualSharesCount.runWithShare(instance, share).winners())
                        .as("%s with share %s", instance, share)
                        .containsExactlyElementsOf(NaiveEqualShares.run(instance, share));
            }
        }
    }

    @Test
    void theSameBallotsInAnyOrderGiveTheSameResult() {
        Random random = new Random(6);
        for (Instance instance : instances(6)) {
            List<Set<String>> shuffled = new ArrayList<>(instance.ballots());
            Collections.shuffle(shuffled, random);
            Instance again = new Instance(instance.projects(), instance.budget(), shuffled);

            assertThat(EqualSharesCount.count(again)).isEqualTo(EqualSharesCount.count(instance));
            assertThat(GreedyCount.count(again)).isEqualTo(GreedyCount.count(instance));
        }
    }

    @Test
    void completionNeverKeepsAnOutcomeOverTheEnvelope() {
        for (Instance instance : instances(7)) {
            EqualSharesResult result = EqualSharesCount.count(instance);
            Set<Integer> steps = new HashSet<>();
            for (CompletionStep step : result.completion()) {
                assertThat(steps.add(step.step())).isTrue();
                assertThat(step.kept()).isEqualTo(step.outcomeCost() <= instance.budget());
            }
            CompletionStep last = result.completion().get(result.completion().size() - 1);
            CompletionStep keptStep = last.kept() ? last : result.completion().get(result.completion().size() - 2);
            assertThat(result.keptShare()).isEqualTo(keptStep.perVoterBudget());
        }
    }
}
