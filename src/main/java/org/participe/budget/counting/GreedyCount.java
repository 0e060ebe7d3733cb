package org.participe.budget.counting;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Greedy by votes (dépouillement glouton), the rule of most peers: projects are taken by number of
 * votes, more first; ties go to the lower cost, then to the caller's order. Each project that still
 * fits in what remains of the envelope is funded; one that does not fit is <b>skipped and the pass
 * goes on</b> (it does not stop), so that money is never left unused while a cheaper project lower
 * in the list would fit. Projects nobody voted for are never funded.
 */
public final class GreedyCount {

    private GreedyCount() {
    }

    public static GreedyResult count(Instance instance) {
        Profile profile = new Profile(instance);
        return fill(profile, List.of(), instance.budget());
    }

    /** The greedy pass over the projects not in {@code alreadyFunded}, with {@code remaining} cents. */
    static GreedyResult fill(Profile profile, List<Integer> alreadyFunded, long remaining) {
        long start = remaining;
        List<String> winners = new ArrayList<>();
        List<GreedyStep> steps = new ArrayList<>();
        String ranOutAt = null;
        for (int j : profile.byVotes()) {
            if (alreadyFunded.contains(j)) {
                continue;
            }
            GreedyStep.Decision decision;
            if (profile.votes[j] == 0) {
                decision = GreedyStep.Decision.NO_VOTES;
            } else if (profile.cost[j] <= remaining) {
                remaining -= profile.cost[j];
                winners.add(profile.id(j));
                decision = GreedyStep.Decision.FUNDED;
            } else {
                decision = GreedyStep.Decision.DOES_NOT_FIT;
                if (ranOutAt == null) {
                    ranOutAt = profile.id(j);
                }
            }
            steps.add(new GreedyStep(profile.id(j), profile.votes[j], profile.cost[j], decision, remaining));
        }
        return new GreedyResult(winners, start - remaining, remaining, steps, Optional.ofNullable(ranOutAt));
    }
}
