package org.participe.budget.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The fast count (ballots grouped, voters in classes of equal money, projects out of reach left off
 * the ballots) must give exactly what {@link NaiveEqualShares}, a plain reading of the rule, gives:
 * the same winners in the same order, the same kept share and, round by round, the same maximum
 * payment and the same payments.
 */
class EqualSharesAgainstPlainTest {

    private static void assertSameCount(Instance instance) {
        EqualSharesResult fast = EqualSharesCount.count(instance);
        NaiveEqualShares.Count plain = NaiveEqualShares.count(instance);

        assertThat(fast.winners()).as("winners of %s", instance).containsExactlyElementsOf(plain.winners());
        assertThat(fast.equalSharesWinners()).containsExactlyElementsOf(plain.equalSharesWinners());
        assertThat(fast.keptShare()).isEqualTo(plain.keptShare());
        assertThat(fast.spent()).isEqualTo(plain.spent());
        assertThat(fast.rounds()).hasSameSizeAs(plain.rounds());
        for (int r = 0; r < plain.rounds().size(); r++) {
            EqualSharesRound round = fast.rounds().get(r);
            NaiveEqualShares.Round expected = plain.rounds().get(r);
            assertThat(round.projectId()).isEqualTo(expected.projectId());
            assertThat(round.maxPayment()).isEqualTo(expected.maxPayment());
            Map<Fraction, Long> payments = new HashMap<>();
            round.payments().forEach(g -> payments.put(g.amount(), g.voters()));
            assertThat(payments).isEqualTo(expected.payments());
        }
    }

    @Test
    void smallRandomEnvelopesCountTheSame() {
        Random random = new Random(181);
        for (int i = 0; i < 60; i++) {
            assertSameCount(Instances.random(random));
        }
    }

    /**
     * Envelopes where grouping matters: 60 to 300 voters choosing among a few distinct ballots, and
     * projects of very different costs, so that some are out of their supporters' reach in some runs
     * of the completion and within it in others.
     */
    @Test
    void envelopesWithRepeatedBallotsAndProjectsOutOfReachCountTheSame() {
        Random random = new Random(182);
        for (int i = 0; i < 8; i++) {
            int projectCount = 4 + random.nextInt(9);
            List<Project> projects = new ArrayList<>();
            for (int j = 0; j < projectCount; j++) {
                long cost = random.nextInt(4) == 0 ? 1 + random.nextInt(200_000) : 100 * (1 + random.nextInt(300));
                projects.add(Instances.project("p" + j, cost));
            }
            List<Set<String>> choices = new ArrayList<>();
            for (int c = 1 + random.nextInt(8); c > 0; c--) {
                Set<String> choice = new LinkedHashSet<>();
                for (int j = 0; j < projectCount; j++) {
                    if (random.nextInt(3) == 0) {
                        choice.add("p" + j);
                    }
                }
                choices.add(choice);
            }
            List<Set<String>> ballots = new ArrayList<>();
            for (int v = 60 + random.nextInt(241); v > 0; v--) {
                ballots.add(choices.get(random.nextInt(choices.size())));
            }
            assertSameCount(new Instance(projects, 5_000 + random.nextInt(100_000), ballots));
        }
    }
}
