package org.participe.budget;

/**
 * The feasibility review of a project: a decision ({@link ProjectStatus#FEASIBLE},
 * {@link ProjectStatus#NOT_FEASIBLE} or {@link ProjectStatus#MERGED}), the public reasoned answer
 * (required), optionally a corrected cost in euros with its reason, and for a merge the project it
 * joins.
 */
public record ProjectReview(ProjectStatus decision, String answer, Long correctedCostEuros, String costReason, Long mergedInto) {
}
