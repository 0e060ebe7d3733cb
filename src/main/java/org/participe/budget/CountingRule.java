package org.participe.budget;

/** How the ballots of an envelope are counted, announced before the vote (see docs/BUDGET_COUNTING.md). */
public enum CountingRule {
    /** The Method of Equal Shares: each voter gets an equal share of the envelope; proportional. */
    EQUAL_SHARES,
    /** Greedy by votes: the most voted projects first, skipping those that no longer fit. */
    GREEDY
}
