package org.participe.budget.counting;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of {@link GreedyCount}: the winners (lauréats) in the order they were funded, the
 * amount spent and left (euro cents), each project's step in the order of the pass, and where the
 * money ran out: the first project skipped because it did not fit.
 */
public record GreedyResult(List<String> winners, long spent, long leftOver, List<GreedyStep> steps,
        Optional<String> moneyRanOutAt) {

    public GreedyResult {
        winners = List.copyOf(winners);
        steps = List.copyOf(steps);
    }
}
