package org.participe.budget.counting;

/**
 * One project as a greedy pass met it, in the pass's order: its votes and cost, what was decided and
 * what remained of the envelope afterwards (euro cents).
 */
public record GreedyStep(String projectId, long votes, long cost, Decision decision, long remainingAfter) {

    /** What the pass decided for a project. */
    public enum Decision {
        /** It fitted in what remained: funded. */
        FUNDED,
        /** It cost more than what remained: skipped, and the pass went on with the next project. */
        DOES_NOT_FIT,
        /** Nobody voted for it: never funded. */
        NO_VOTES
    }
}
