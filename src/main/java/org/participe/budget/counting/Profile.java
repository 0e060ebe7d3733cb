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
    /** Every distinct ballot, with its number of voters. */
    final Groups groups;

    /**
     * Distinct ballots: {@code projects[g]} (ascending project indexes) chosen by {@code weight[g]}
     * voters, and {@code supporters[j]} the groups that approve project j (ascending).
     */
    static final class Groups {
        final int[][] projects;
        final long[] weight;
        final int[][] supporters;

        private Groups(int[][] projects, long[] weight, int projectCount) {
            this.projects = projects;
            this.weight = weight;
            int[] supporterCount = new int[projectCount];
            for (int[] chosen : projects) {
                for (int j : chosen) {
                    supporterCount[j]++;
                }
            }
            supporters = new int[projectCount][];
            for (int j = 0; j < projectCount; j++) {
                supporters[j] = new int[supporterCount[j]];
            }
            int[] filled = new int[projectCount];
            for (int g = 0; g < projects.length; g++) {
                for (int j : projects[g]) {
                    supporters[j][filled[j]++] = g;
                }
            }
        }

        int size() {
            return projects.length;
        }
    }

    /**
     * The groups again with only the projects in {@code kept} left on each ballot, ballots that became
     * identical merged; {@code of[g]} is the merged group of {@link #groups}' group g.
     */
    record Restriction(Groups groups, int[] of) {
    }

    /**
     * Gathers ballots, written as bit sets of project indexes ({@code words} longs each), into groups,
     * summing the weights of equal ones: an open-addressing table over the packed bit sets, so that
     * 100,000 ballots are grouped without an object per ballot.
     */
    private static final class Grouping {
        private final int words;
        private final int[] table;
        private long[] sets;
        private long[] weights;
        private int size;

        Grouping(int words, int expected) {
            this.words = words;
            table = new int[Integer.highestOneBit(Math.max(16, expected) * 2) * 2];
            Arrays.fill(table, -1);
            sets = new long[Math.max(16, expected) * words];
            weights = new long[Math.max(16, expected)];
        }

        /** Adds {@code weight} voters with the bit set {@code set}; returns its group. */
        int add(long[] set, long weight) {
            long hash = 0;
            for (long word : set) {
                hash = (hash + word) * 0x9E3779B97F4A7C15L;
            }
            int mask = table.length - 1;
            for (int slot = (int) (hash ^ (hash >>> 32)) & mask;; slot = (slot + 1) & mask) {
                int group = table[slot];
                if (group < 0) {
                    table[slot] = size;
                    break;
                }
                if (Arrays.equals(sets, group * words, group * words + words, set, 0, words)) {
                    weights[group] += weight;
                    return group;
                }
            }
            if (size == weights.length) {
                weights = Arrays.copyOf(weights, size * 2);
                sets = Arrays.copyOf(sets, size * 2 * words);
            }
            System.arraycopy(set, 0, sets, size * words, words);
            weights[size] = weight;
            return size++;
        }

        Groups groups(int projectCount) {
            int[][] projects = new int[size][];
            for (int g = 0; g < size; g++) {
                int count = 0;
                for (int w = 0; w < words; w++) {
                    count += Long.bitCount(sets[g * words + w]);
                }
                int[] chosen = new int[count];
                int n = 0;
                for (int w = 0; w < words; w++) {
                    for (long bits = sets[g * words + w]; bits != 0; bits &= bits - 1) {
                        chosen[n++] = w * 64 + Long.numberOfTrailingZeros(bits);
                    }
                }
                projects[g] = chosen;
            }
            return new Groups(projects, Arrays.copyOf(weights, size), projectCount);
        }
    }

    Profile(Instance instance) {
        this.instance = instance;
        List<Project> projects = instance.projects();
        projectCount = projects.size();
        cost = new long[projectCount];
        votes = new long[projectCount];
        Map<String, Integer> index = new HashMap<>(projectCount * 2);
        for (int j = 0; j < projectCount; j++) {
            index.put(projects.get(j).id(), j);
            cost[j] = projects.get(j).cost();
        }
        List<Set<String>> ballots = instance.ballots();
        int words = (projectCount + 63) / 64;
        Grouping grouping = new Grouping(words, ballots.size());
        long[] set = new long[words];
        for (Set<String> ballot : ballots) {
            Arrays.fill(set, 0);
            for (String id : ballot) {
                int j = index.get(id);
                set[j >> 6] |= 1L << j;
            }
            grouping.add(set, 1);
        }
        voters = ballots.size();
        groups = grouping.groups(projectCount);
        for (int g = 0; g < groups.size(); g++) {
            for (int j : groups.projects[g]) {
                votes[j] += groups.weight[g];
            }
        }
    }

    Restriction restrictTo(boolean[] kept) {
        int words = (projectCount + 63) / 64;
        Grouping grouping = new Grouping(words, groups.size());
        int[] of = new int[groups.size()];
        long[] set = new long[words];
        for (int g = 0; g < groups.size(); g++) {
            Arrays.fill(set, 0);
            for (int j : groups.projects[g]) {
                if (kept[j]) {
                    set[j >> 6] |= 1L << j;
                }
            }
            of[g] = grouping.add(set, groups.weight[g]);
        }
        return new Restriction(grouping.groups(projectCount), of);
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
