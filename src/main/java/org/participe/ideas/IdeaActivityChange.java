package org.participe.ideas;

import java.time.Instant;

/**
 * One row of the ideas' activity journal (V26__ideas_activity_journal.sql): what changed where,
 * for the modules whose figures follow ideas and supports (reporting). Either a support given or
 * withdrawn ({@link Kind#SUPPORT}: {@code accountId} gave it at {@code happenedAt} on an idea then in
 * {@code categoryId}/{@code neighbourhoodId}, null when the idea was being deleted), or an idea
 * inserted, changed in status, visibility, publication or place, or deleted ({@link Kind#IDEA}:
 * {@code accountId} is its author; the {@code old…} values are before the change, the others after,
 * null when absent). A null neighbourhood is the whole town.
 */
public record IdeaActivityChange(Kind kind, long ideaId, long accountId, Instant happenedAt,
                                 Long categoryId, Long neighbourhoodId, Instant publishedAt,
                                 Long oldCategoryId, Long oldNeighbourhoodId, Instant oldPublishedAt,
                                 boolean moved, boolean deleted) {

    public enum Kind { SUPPORT, IDEA }
}
