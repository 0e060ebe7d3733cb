package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Small builders for the counting tests. Amounts are in euro cents unless a test says otherwise. */
final class Instances {

    private Instances() {
    }

    static Project project(String id, long cost) {
        return new Project(id, "Projet " + id, cost);
    }

    static Set<String> ballot(String... ids) {
        return new LinkedHashSet<>(Arrays.asList(ids));
    }

    /** {@code times} identical ballots. */
    static List<Set<String>> ballots(int times, String... ids) {
        List<Set<String>> ballots = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            ballots.add(ballot(ids));
        }
        return ballots;
    }

    @SafeVarargs
    static List<Set<String>> concat(List<Set<String>>... parts) {
        List<Set<String>> all = new ArrayList<>();
        for (List<Set<String>> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    /**
     * A random envelope: 2 to 12 projects costing 1 to 60 € (in cents, some not whole euros), a
     * budget of 0 to 150 € and 1 to 40 voters each approving each project with a project-specific
     * probability.
     */
    static Instance random(Random random) {
        int projectCount = 2 + random.nextInt(11);
        List<Project> projects = new ArrayList<>();
        double[] popularity = new double[projectCount];
        for (int j = 0; j < projectCount; j++) {
            long cost = random.nextBoolean() ? (1 + random.nextInt(60)) * 100L : 1 + random.nextInt(6_000);
            projects.add(project("p" + j, cost));
            popularity[j] = random.nextDouble();
        }
        long budget = random.nextInt(15_001);
        int voters = 1 + random.nextInt(40);
        List<Set<String>> ballots = new ArrayList<>();
        for (int v = 0; v < voters; v++) {
            Set<String> ballot = new LinkedHashSet<>();
            for (int j = 0; j < projectCount; j++) {
                if (random.nextDouble() < popularity[j]) {
                    ballot.add("p" + j);
                }
            }
            ballots.add(ballot);
        }
        return new Instance(projects, budget, ballots);
    }
}
