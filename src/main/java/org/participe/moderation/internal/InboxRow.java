package org.participe.moderation.internal;

import java.time.Instant;
import java.util.Map;

import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationReason;

/** A line of an inbox tab as stored, before the content's own text joins it. */
public record InboxRow(ContentKey ref, long version, long authorId, String authorName, boolean authorBlocked, Instant createdAt,
                       Instant since, boolean pending, boolean hidden, ModerationReason hiddenReason, String hiddenNote, int openFlags,
                       Map<ModerationReason, Integer> reasons, Instant dueAt, Instant answeredAt, String assigneeName,
                       String assigneeService) {
}
