package org.participe.budget;

/** Where a budget project stands: submitted, reviewed (feasible or not, or merged into another), then selected or not by the count. */
public enum ProjectStatus {
    SUBMITTED, FEASIBLE, NOT_FEASIBLE, MERGED, WITHDRAWN, SELECTED, NOT_SELECTED;

    /** The decisions of the feasibility review. */
    public boolean isReviewDecision() {
        return this == FEASIBLE || this == NOT_FEASIBLE || this == MERGED;
    }
}
