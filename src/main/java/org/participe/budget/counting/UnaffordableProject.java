package org.participe.budget.counting;

/**
 * A project the Method of Equal Shares did not fund: once the last round was over, its supporters
 * had {@code supportersMoneyLeft} together (euro cents, exact), less than its cost.
 * {@code fundedByFill} says whether the greedy fill funded it afterwards with what was left.
 */
public record UnaffordableProject(String projectId, long cost, long votes, Fraction supportersMoneyLeft,
        boolean fundedByFill) {
}
