package org.participe.budget.counting;

import java.util.List;

/**
 * The outcome of {@link EqualSharesCount}: all winners (lauréats) in order (those of the Method of
 * Equal Shares by round, then those of the greedy fill), the amount spent and left (euro cents), and
 * the explanation: the per-voter share the completion kept, the rounds of that run, the projects it
 * could not fund and why, every completion step, and the greedy fill's steps.
 */
public record EqualSharesResult(List<String> winners, List<String> equalSharesWinners, List<String> fillWinners,
        long spent, long leftOver, Fraction initialShare, Fraction keptShare, List<EqualSharesRound> rounds,
        List<UnaffordableProject> notFunded, List<CompletionStep> completion, GreedyResult fill) {

    public EqualSharesResult {
        winners = List.copyOf(winners);
        equalSharesWinners = List.copyOf(equalSharesWinners);
        fillWinners = List.copyOf(fillWinners);
        rounds = List.copyOf(rounds);
        notFunded = List.copyOf(notFunded);
        completion = List.copyOf(completion);
    }
}
