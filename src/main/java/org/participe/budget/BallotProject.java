package org.participe.budget;

/** A feasible project as the ballot shows it: title, the start of its description, its cost in euro cents. */
public record BallotProject(long id, String title, String summary, long costCents) {
}
