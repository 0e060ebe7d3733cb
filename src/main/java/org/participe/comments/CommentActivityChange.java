package org.participe.comments;

import java.time.Instant;

/**
 * One row of the comments' activity journal (V27__comments_activity_journal.sql): a comment
 * written, deleted, hidden, shown again or removed, with what it is about, its author and moment.
 */
public record CommentActivityChange(String targetType, long targetId, long authorId, Instant createdAt) {
}
