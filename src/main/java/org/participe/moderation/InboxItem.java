package org.participe.moderation;

import org.participe.base.content.ContentKey;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One line of the moderation inbox, sized for the screen. {@code version} guards against two
 * officials acting at once; {@code tab} is the list it was read from, which says what {@code since}
 * means; {@code actions} is what officials may do on it, in the order to offer them.
 */
public record InboxItem(ContentKey ref, long version, String title, String text, String pagePath, long authorId, String authorName,
                        boolean authorBlocked, Instant createdAt, Instant since, boolean pending, boolean hidden,
                        ModerationReason hiddenReason, String hiddenNote, int openFlags, Map<ModerationReason, Integer> flagReasons,
                        Instant dueAt, Instant answeredAt, String assigneeName, String assigneeService, boolean overdue,
                        InboxTab tab, Set<InboxAction> actions) {

    public boolean may(InboxAction action) {
        return actions.contains(action);
    }
}
