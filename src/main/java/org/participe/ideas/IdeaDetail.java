package org.participe.ideas;

import java.time.Instant;

/** One idea's page, with what the viewer may do there; {@code lang} is the language its text was written in. */
public record IdeaDetail(long id, String title, String description, long authorId, String authorName, long categoryId,
                         Long neighbourhoodId, IdeaStatus status, boolean hidden, int supportCount, int commentCount,
                         boolean hasPhoto, Instant createdAt, Instant publishedAt, Instant updatedAt,
                         Instant thresholdReachedAt, long version, boolean mine, boolean supportedByMe,
                         boolean editable, Long initiativeId, String initiativeTitle, String hiddenReason,
                         String lang, String photoDescription) {
}
