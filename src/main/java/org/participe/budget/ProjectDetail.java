package org.participe.budget;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A project as its page shows it. {@code costCents} is what the vote uses: the estimate, or the
 * town's correction with {@code costReason}. {@code mergedIntoTitle} names the project it was merged into.
 */
public record ProjectDetail(long id, long campaignId, String campaignTitle, BudgetPhase campaignPhase, Envelope envelope,
                            String title, String description, String location, String lang,
                            long estimatedCostCents, long costCents, String costReason, ProjectStatus status,
                            String reviewAnswer, String reviewerName, Instant reviewedAt, LocalDate reviewDueOn,
                            Long mergedInto, String mergedIntoTitle, boolean hasPhoto, String photoDescription,
                            Long authorId, String authorName, Instant createdAt, long version, ProjectCapabilities can) {

    public boolean costCorrected() {
        return costCents != estimatedCostCents;
    }
}
