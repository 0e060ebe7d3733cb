package org.participe.budget;

/**
 * What the current person may do on a project's page, decided by {@link ProjectService}.
 *
 * @param review  give the feasibility decision (staff and officials, during submission and review)
 * @param edit    correct the project (its author, while it is submitted and submission is open)
 * @param setDue  change the review's due date (staff and officials, while it awaits review)
 */
public record ProjectCapabilities(boolean review, boolean edit, boolean setDue) {
}
