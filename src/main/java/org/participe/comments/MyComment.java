package org.participe.comments;

import java.time.Instant;

/** One of the signed-in person's comments, with where it was posted. */
public record MyComment(long id, String targetType, long targetId, String excerpt, Instant createdAt, boolean deleted) {
}
