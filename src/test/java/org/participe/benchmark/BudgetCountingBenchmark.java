package org.participe.benchmark;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

import org.participe.budget.counting.EqualSharesCount;
import org.participe.budget.counting.EqualSharesResult;
import org.participe.budget.counting.GreedyCount;
import org.participe.budget.counting.GreedyResult;
import org.participe.budget.counting.Instance;
import org.participe.budget.counting.Project;

/**
 * Times the count of envelopes of issue 18's size: 100,000 ballots over 60 projects (seeded), in
 * three shapes:
 * <ul>
 * <li>{@code city}: an envelope of 265,000 € and project costs of 5,000 to 80,000 €; each voter
 * approves projects with a project-specific popularity and stops before her choices exceed the
 * envelope (approval within the budget). About 85 % of the ballots are distinct.</li>
 * <li>{@code distinct}: every ballot distinct (a voter approves each project with probability 1/10,
 * ballots drawn again until new), and cheap projects (1,000 to 20,000 €) so that almost every project
 * is within its supporters' reach and the runs have many rounds: the hard case for grouping.</li>
 * <li>{@code repeated}: the same costs as {@code city}, but the voters pick among 300 ballots (the
 * shape of a vote where people choose from a short list).</li>
 * </ul>
 * For each shape and seed: the first count in this JVM (cold, the JIT not yet warm, as a server's
 * first count after a restart) and the median of five warm counts; wall time, and CPU time of the
 * counting thread (on a shared machine, wall time also counts waiting for a core). Not a test: run it
 * by hand, with the command in {@code docs/BENCHMARKS.md}:
 *
 * <pre>
 * mvn -o test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) org.participe.benchmark.BudgetCountingBenchmark
 * </pre>
 * System properties: {@code benchmark.voters} (100000), {@code benchmark.seeds} (18,1,2),
 * {@code benchmark.shapes} (city,distinct,repeated).
 */
public final class BudgetCountingBenchmark {

    private static final int PROJECTS = 60;
    private static final long BUDGET = 26_500_000L;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private BudgetCountingBenchmark() {
    }

    private record Timing(long wallMillis, long cpuMillis) {
        @Override
        public String toString() {
            return wallMillis + " ms (CPU " + cpuMillis + " ms)";
        }
    }

    public static void main(String[] args) {
        int voters = Integer.getInteger("benchmark.voters", 100_000);
        String[] seeds = System.getProperty("benchmark.seeds", "18,1,2").split(",");
        String[] shapes = System.getProperty("benchmark.shapes", "city,distinct,repeated").split(",");
        System.out.printf("%d ballots, %d projects%n", voters, PROJECTS);
        boolean cold = true;
        for (String shape : shapes) {
            for (String seed : seeds) {
                Instance instance = instance(shape, new Random(Long.parseLong(seed)), voters);
                Timing firstShares = time(() -> EqualSharesCount.count(instance));
                Timing firstGreedy = time(() -> GreedyCount.count(instance));
                List<Timing> shares = new ArrayList<>();
                List<Timing> greedy = new ArrayList<>();
                EqualSharesResult result = null;
                GreedyResult greedyResult = null;
                for (int i = 0; i < 5; i++) {
                    long start = System.nanoTime();
                    long startCpu = THREADS.getCurrentThreadCpuTime();
                    result = EqualSharesCount.count(instance);
                    shares.add(new Timing((System.nanoTime() - start) / 1_000_000,
                            (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000));
                    start = System.nanoTime();
                    startCpu = THREADS.getCurrentThreadCpuTime();
                    greedyResult = GreedyCount.count(instance);
                    greedy.add(new Timing((System.nanoTime() - start) / 1_000_000,
                            (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000));
                }
                long distinct = instance.ballots().stream().distinct().count();
                System.out.printf("%-8s seed %-3s %6d distinct ballots | equal shares: %s%s, warm median %s;"
                        + " %d winners (%d by the fill), %d cents, %d completion runs, %d rounds"
                        + " | greedy: first %s, warm median %s; %d winners%n",
                        shape, seed, distinct, cold ? "first in this JVM " : "first ", firstShares, median(shares),
                        result.winners().size(), result.fillWinners().size(), result.spent(),
                        result.completion().size(), result.rounds().size(), firstGreedy, median(greedy),
                        greedyResult.winners().size());
                cold = false;
            }
        }
    }

    private static Timing time(Supplier<?> count) {
        long start = System.nanoTime();
        long startCpu = THREADS.getCurrentThreadCpuTime();
        count.get();
        return new Timing((System.nanoTime() - start) / 1_000_000, (THREADS.getCurrentThreadCpuTime() - startCpu) / 1_000_000);
    }

    private static Timing median(List<Timing> timings) {
        long[] wall = timings.stream().mapToLong(Timing::wallMillis).sorted().toArray();
        long[] cpu = timings.stream().mapToLong(Timing::cpuMillis).sorted().toArray();
        return new Timing(wall[wall.length / 2], cpu[cpu.length / 2]);
    }

    static Instance instance(String shape, Random random, int voters) {
        return switch (shape) {
            case "city" -> city(random, voters);
            case "distinct" -> distinct(random, voters);
            case "repeated" -> repeated(random, voters);
            default -> throw new IllegalArgumentException("Unknown shape " + shape);
        };
    }

    private static List<Project> projects(Random random, int minEuros, int maxEuros) {
        List<Project> projects = new ArrayList<>();
        for (int j = 0; j < PROJECTS; j++) {
            projects.add(new Project("" + (j + 1), "Projet " + (j + 1),
                    (minEuros + random.nextInt(maxEuros - minEuros + 1)) * 100L));
        }
        return projects;
    }

    private static Instance city(Random random, int voters) {
        List<Project> projects = projects(random, 5_000, 80_000);
        double[] popularity = new double[PROJECTS];
        for (int j = 0; j < PROJECTS; j++) {
            popularity[j] = 0.02 + 0.3 * random.nextDouble() * random.nextDouble();
        }
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            ballots.add(withinBudget(random, projects, popularity));
        }
        return new Instance(projects, BUDGET, ballots);
    }

    private static Set<String> withinBudget(Random random, List<Project> projects, double[] popularity) {
        Set<String> ballot = new LinkedHashSet<>();
        long total = 0;
        int offset = random.nextInt(PROJECTS);
        for (int k = 0; k < PROJECTS; k++) {
            int j = (offset + k) % PROJECTS;
            long cost = projects.get(j).cost();
            if (random.nextDouble() < popularity[j] && total + cost <= BUDGET) {
                ballot.add(projects.get(j).id());
                total += cost;
            }
        }
        return ballot;
    }

    private static Instance distinct(Random random, int voters) {
        List<Project> projects = projects(random, 1_000, 20_000);
        Set<Long> seen = new HashSet<>();
        List<Set<String>> ballots = new ArrayList<>();
        while (ballots.size() < voters) {
            long chosen = 0;
            for (int j = 0; j < PROJECTS; j++) {
                if (random.nextInt(10) == 0) {
                    chosen |= 1L << j;
                }
            }
            if (seen.add(chosen)) {
                Set<String> ballot = new LinkedHashSet<>();
                for (int j = 0; j < PROJECTS; j++) {
                    if ((chosen & (1L << j)) != 0) {
                        ballot.add(projects.get(j).id());
                    }
                }
                ballots.add(ballot);
            }
        }
        return new Instance(projects, BUDGET, ballots);
    }

    private static Instance repeated(Random random, int voters) {
        List<Project> projects = projects(random, 5_000, 80_000);
        double[] popularity = new double[PROJECTS];
        for (int j = 0; j < PROJECTS; j++) {
            popularity[j] = 0.02 + 0.3 * random.nextDouble() * random.nextDouble();
        }
        List<Set<String>> choices = new ArrayList<>();
        for (int c = 0; c < 300; c++) {
            choices.add(withinBudget(random, projects, popularity));
        }
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            // Squaring skews the picks: a few ballots are very common, as in real votes.
            double u = random.nextDouble();
            ballots.add(choices.get((int) (u * u * choices.size())));
        }
        return new Instance(projects, BUDGET, ballots);
    }
}
