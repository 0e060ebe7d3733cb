package org.participe.budget.counting;

/**
 * A project (projet) put to the vote: its id (unique within the envelope), a name for the open-data
 * file, and its cost in <b>euro cents</b>, a whole number greater than zero.
 */
public record Project(String id, String name, long cost) {

    public Project {
        if (id == null || id.isBlank()) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.BLANK_PROJECT_ID, String.valueOf(id));
        }
        if (cost <= 0) {
            throw new InvalidInstanceException(InvalidInstanceException.Problem.COST_NOT_POSITIVE, id);
        }
        name = name == null ? "" : name;
    }
}
