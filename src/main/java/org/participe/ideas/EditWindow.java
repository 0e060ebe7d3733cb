package org.participe.ideas;

import java.time.Duration;
import java.time.Instant;

/**
 * An author corrects their idea shortly after writing it, and only while nobody has reacted to
 * it: no support, no comment, and not yet answered or withdrawn.
 */
record EditWindow(Duration length) {

    /** @param since publication, or creation while the idea waits for moderation */
    boolean isOpen(IdeaStatus status, Instant since, int supports, int comments, Instant now) {
        return (status == IdeaStatus.PENDING || status == IdeaStatus.PUBLISHED) && supports == 0 && comments == 0
                && now.isBefore(since.plus(length));
    }
}
