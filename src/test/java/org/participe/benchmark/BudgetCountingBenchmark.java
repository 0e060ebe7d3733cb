package org.participe.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.participe.budget.counting.EqualSharesCount;
import org.participe.budget.counting.EqualSharesResult;
import org.participe.budget.counting.GreedyCount;
import org.participe.budget.counting.GreedyResult;
import org.participe.budget.counting.Instance;
import org.participe.budget.counting.Project;

/**
 * Times the count of one envelope of issue 18's size: 100,000 ballots over 60 projects (seeded), an
 * envelope of 265,000 € and project costs of 5,000 to 80,000 €; each voter approves projects with a
 * project-specific popularity and stops before her choices exceed the envelope (approval within the
 * budget). Prints the time of each rule, Equal Shares including its completion and fill, after a few
 * warm-up counts. Not a test: run it by hand.
 *
 * <pre>
 * mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.participe.benchmark.BudgetCountingBenchmark
 * </pre>
 */
public final class BudgetCountingBenchmark {

    private BudgetCountingBenchmark() {
    }

    public static void main(String[] args) {
        int voters = Integer.getInteger("benchmark.voters", 100_000);
        long seed = Long.getLong("benchmark.seed", 18L);
        Instance instance = instance(new Random(seed), voters, 60, 26_500_000L);
        for (int i = 0; i < 3; i++) {
            GreedyCount.count(instance);
            EqualSharesCount.count(instance);
        }
        // CPU time of this thread beside wall time: on a shared machine, wall time also counts the waits.
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        GreedyResult greedy = GreedyCount.count(instance);
        long greedyNanos = System.nanoTime() - start;
        long greedyCpu = threads.getCurrentThreadCpuTime() - startCpu;
        start = System.nanoTime();
        startCpu = threads.getCurrentThreadCpuTime();
        EqualSharesResult shares = EqualSharesCount.count(instance);
        long sharesNanos = System.nanoTime() - start;
        long sharesCpu = threads.getCurrentThreadCpuTime() - startCpu;
        System.out.printf("%d ballots, 60 projects, seed %d%n", voters, seed);
        System.out.printf("greedy: %d ms (CPU %d ms), %d winners, %d cents spent%n", greedyNanos / 1_000_000,
                greedyCpu / 1_000_000, greedy.winners().size(), greedy.spent());
        System.out.printf("equal shares: %d ms (CPU %d ms), %d winners (%d by the fill), %d cents spent, "
                + "%d completion runs, kept share %s cents (first %s)%n", sharesNanos / 1_000_000,
                sharesCpu / 1_000_000, shares.winners().size(),
                shares.fillWinners().size(), shares.spent(), shares.completion().size(),
                shares.keptShare().toBigDecimal(2, java.math.RoundingMode.DOWN),
                shares.initialShare().toBigDecimal(2, java.math.RoundingMode.DOWN));
    }

    static Instance instance(Random random, int voters, int projectCount, long budget) {
        List<Project> projects = new ArrayList<>();
        double[] popularity = new double[projectCount];
        for (int j = 0; j < projectCount; j++) {
            projects.add(new Project("" + (j + 1), "Projet " + (j + 1), (5_000 + random.nextInt(75_001)) * 100L));
            popularity[j] = 0.02 + 0.3 * random.nextDouble() * random.nextDouble();
        }
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            Set<String> ballot = new LinkedHashSet<>();
            long total = 0;
            int offset = random.nextInt(projectCount);
            for (int k = 0; k < projectCount; k++) {
                int j = (offset + k) % projectCount;
                long cost = projects.get(j).cost();
                if (random.nextDouble() < popularity[j] && total + cost <= budget) {
                    ballot.add(projects.get(j).id());
                    total += cost;
                }
            }
            ballots.add(ballot);
        }
        return new Instance(projects, budget, ballots);
    }
}
