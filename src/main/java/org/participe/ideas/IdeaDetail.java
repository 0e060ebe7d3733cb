package org.participe.ideas;

import java.time.Instant;

/**
 * One idea's page, with what the viewer may do there ({@code can}, decided by the service);
 * {@code lang} is the language its text was written in.
 */
public record IdeaDetail(long id, String title, String description, long authorId, String authorName, long categoryId,
                         Long neighbourhoodId, IdeaStatus status, boolean hidden, int supportCount, int commentCount,
                         boolean hasPhoto, Instant createdAt, Instant publishedAt, Instant updatedAt,
                         Instant thresholdReachedAt, long version, boolean mine, boolean supportedByMe,
                         Long initiativeId, String initiativeTitle, String hiddenReason,
                         String lang, String photoDescription, IdeaCapabilities can) {

    /** Whether the viewer, its author, may still correct it. */
    public boolean editable() {
        return can.edit();
    }
}
