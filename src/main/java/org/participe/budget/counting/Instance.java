package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one envelope (enveloppe) puts to the count: its projects, in the caller's order (the last
 * tie-break: the order of a public draw, or of the projects' numbers), the envelope's amount in euro
 * cents, and the approval ballots (bulletins): each the set of project ids one anonymous voter chose.
 * An empty ballot counts as a voter: it receives its share of the envelope and spends nothing.
 */
public record Instance(List<Project> projects, long budget, List<Set<String>> ballots) {

    public Instance {
        if (budget < 0) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.BUDGET_NEGATIVE, Long.toString(budget));
        }
        projects = List.copyOf(projects);
        Map<String, Project> byId = new HashMap<>();
        for (Project project : projects) {
            if (byId.put(project.id(), project) != null) {
                throw new InvalidInstanceException(InvalidInstanceException.Problem.DUPLICATE_PROJECT_ID, project.id());
            }
        }
        List<Set<String>> copies = new ArrayList<>(ballots.size());
        for (Set<String> ballot : ballots) {
            for (String id : ballot) {
                if (!byId.containsKey(id)) {
                    throw new InvalidInstanceException(InvalidInstanceException.Problem.UNKNOWN_PROJECT, String.valueOf(id));
                }
            }
            copies.add(Collections.unmodifiableSet(new LinkedHashSet<>(ballot)));
        }
        ballots = Collections.unmodifiableList(copies);
    }

    /** The number of ballots that approve each project, by project id. */
    public Map<String, Long> votes() {
        Map<String, Long> votes = new HashMap<>();
        projects.forEach(p -> votes.put(p.id(), 0L));
        for (Set<String> ballot : ballots) {
            ballot.forEach(id -> votes.merge(id, 1L, Long::sum));
        }
        return votes;
    }
}
