package org.participe.budget.counting;

import java.util.List;

/**
 * One run of the Method of Equal Shares with a fixed share per voter: the projects funded in the
 * order of the rounds, their total cost (euro cents), the rounds and the projects left unfunded.
 */
public record EqualSharesRun(Fraction perVoterBudget, List<String> winners, long cost, List<EqualSharesRound> rounds,
        List<UnaffordableProject> notFunded) {

    public EqualSharesRun {
        winners = List.copyOf(winners);
        rounds = List.copyOf(rounds);
        notFunded = List.copyOf(notFunded);
    }
}
