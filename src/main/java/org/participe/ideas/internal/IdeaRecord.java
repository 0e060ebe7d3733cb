package org.participe.ideas.internal;

import java.time.Instant;

import org.participe.ideas.IdeaStatus;

/** An idea's page as its own tables hold it, with whether the viewer wrote and supports it. */
public record IdeaRecord(long id, String title, String description, long authorId, String authorName, long categoryId,
                         Long neighbourhoodId, IdeaStatus status, boolean hidden, int supportCount, int commentCount,
                         boolean hasPhoto, Instant createdAt, Instant publishedAt, Instant updatedAt,
                         Instant thresholdReachedAt, long version, boolean mine, boolean supportedByMe,
                         Long initiativeId, String hiddenReason, String lang, String photoDescription) {

    /** The moment the edit window opens: publication, or creation while the idea waits for moderation. */
    public Instant editableSince() {
        return publishedAt != null ? publishedAt : createdAt;
    }
}
