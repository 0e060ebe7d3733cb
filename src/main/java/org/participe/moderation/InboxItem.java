package org.participe.moderation;

import java.time.Instant;
import java.util.Map;

/** One line of the moderation inbox, sized for the screen. {@code version} guards against two officials acting at once. */
public record InboxItem(ContentRef ref, long version, String title, String text, String pagePath, long authorId, String authorName,
                        boolean authorBlocked, Instant createdAt, Instant since, boolean pending, boolean hidden,
                        ModerationReason hiddenReason, String hiddenNote, int openFlags, Map<ModerationReason, Integer> flagReasons,
                        Instant dueAt, Instant answeredAt, String assigneeName, String assigneeService, boolean overdue) {
}
