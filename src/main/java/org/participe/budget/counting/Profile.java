package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The instance in the shape the rules count fast: projects by index (the caller's order), identical
 * ballots grouped once with their number (100,000 ballots often hold far fewer distinct choices), and
 * for each project the groups that approve it.
 */
final class Profile {

    final Instance instance;
    final int projectCount;
    final long[] cost;
    final long[] votes;
    final long voters;
    final int[][] groupProjects;
    final long[] groupWeight;
    final int[][] supporters;

    private record Choice(int[] projects) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Choice c && Arrays.equals(projects, c.projects);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(projects);
        }
    }

    Profile(Instance instance) {
        this.instance = instance;
        List<Project> projects = instance.projects();
        projectCount = projects.size();
        cost = new long[projectCount];
        votes = new long[projectCount];
        Map<String, Integer> index = new HashMap<>();
        for (int j = 0; j < projectCount; j++) {
            index.put(projects.get(j).id(), j);
            cost[j] = projects.get(j).cost();
        }
        Map<Choice, Integer> groups = new HashMap<>();
        List<int[]> choices = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        for (Set<String> ballot : instance.ballots()) {
            int[] chosen = ballot.stream().mapToInt(index::get).sorted().toArray();
            Integer group = groups.putIfAbsent(new Choice(chosen), choices.size());
            if (group == null) {
                choices.add(chosen);
                weights.add(1L);
            } else {
                weights.set(group, weights.get(group) + 1);
            }
        }
        voters = instance.ballots().size();
        groupProjects = choices.toArray(int[][]::new);
        groupWeight = weights.stream().mapToLong(Long::longValue).toArray();
        int[] supporterCount = new int[projectCount];
        for (int g = 0; g < groupProjects.length; g++) {
            for (int j : groupProjects[g]) {
                supporterCount[j]++;
                votes[j] += groupWeight[g];
            }
        }
        supporters = new int[projectCount][];
        for (int j = 0; j < projectCount; j++) {
            supporters[j] = new int[supporterCount[j]];
        }
        int[] filled = new int[projectCount];
        for (int g = 0; g < groupProjects.length; g++) {
            for (int j : groupProjects[g]) {
                supporters[j][filled[j]++] = g;
            }
        }
    }

    String id(int project) {
        return instance.projects().get(project).id();
    }

    /**
     * The tie-break shared by both rules once their main criterion is equal: more votes first, then the
     * lower cost, then the caller's order. Negative when {@code a} goes before {@code b}.
     */
    int tieBreak(int a, int b) {
        int byVotes = Long.compare(votes[b], votes[a]);
        if (byVotes != 0) {
            return byVotes;
        }
        int byCost = Long.compare(cost[a], cost[b]);
        return byCost != 0 ? byCost : Integer.compare(a, b);
    }

    /** Every project, by votes (more first), then {@link #tieBreak}. */
    List<Integer> byVotes() {
        List<Integer> order = new ArrayList<>();
        for (int j = 0; j < projectCount; j++) {
            order.add(j);
        }
        order.sort(this::tieBreak);
        return order;
    }
}
