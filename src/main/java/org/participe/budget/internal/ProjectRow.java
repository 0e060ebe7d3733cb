package org.participe.budget.internal;

import java.time.Instant;
import java.time.LocalDate;

import org.participe.budget.ProjectStatus;

/** A {@code budget_project} row as the service reads it, with the names others see. */
public record ProjectRow(long id, long campaignId, long envelopeId, Long authorId, String authorName, String title, String description,
                         String location, String lang, long estimatedCostCents, long costCents, String costReason, ProjectStatus status,
                         String reviewAnswer, String reviewerName, Instant reviewedAt, LocalDate reviewDueOn, Long mergedInto,
                         String mergedIntoTitle, boolean hidden, boolean hasPhoto, String photoDescription, Instant createdAt, long version) {
}
