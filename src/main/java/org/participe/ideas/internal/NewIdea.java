package org.participe.ideas.internal;

import java.time.Instant;

import org.participe.ideas.IdeaStatus;

/** An idea's first row, its text already validated; {@code publishedAt} is null while it waits for moderation. */
public record NewIdea(long authorId, String title, String description, long categoryId, Long neighbourhoodId, IdeaStatus status,
                      boolean hasPhoto, String photoDescription, String lang, Instant createdAt, Instant publishedAt) {
}
