package org.participe.moderation.internal;

import org.participe.moderation.ContentRef;
import org.participe.moderation.ModerationReason;

/** An item's queue row as an action reads it, locked; {@code pagePath} is where its content appears. */
public record QueueItem(long id, ContentRef ref, long version, long authorId, boolean pending, boolean hidden,
                        ModerationReason hiddenReason, String pagePath) {
}
