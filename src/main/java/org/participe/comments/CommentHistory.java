package org.participe.comments;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

import org.participe.comments.internal.CommentHistoryStore;
import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationHistory;
import org.participe.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates comments after the fact, for contributions recorded later than they were written: a town
 * importing its history from another platform, comments typed in from paper with the date they
 * were received, the demo town's past. {@link CommentService#post} dates a comment "now"; this
 * sets when it was written, and the moderation queue follows. Nothing is published: nobody acted.
 * Administrators only (the demo seeds as one, at start-up); one statement per call, whatever the
 * number of comments. The reporting rollups are not recounted here: see {@code ReportingRollups}.
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class CommentHistory {

    /** When a comment was written. */
    public record DatedComment(long commentId, Instant writtenAt) {
        public DatedComment {
            Objects.requireNonNull(writtenAt);
        }
    }

    private final CommentHistoryStore store;
    private final ModerationHistory moderation;

    CommentHistory(CommentHistoryStore store, ModerationHistory moderation) {
        this.store = store;
        this.moderation = moderation;
    }

    public void dateComments(Collection<DatedComment> comments) {
        if (comments.isEmpty()) {
            return;
        }
        store.dateComments(comments);
        moderation.dateContents(comments.stream()
                .map(comment -> new ModerationHistory.ContentDates(ContentKey.comment(comment.commentId()), comment.writtenAt(), null))
                .toList());
    }
}
