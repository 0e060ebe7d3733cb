package org.participe.moderation.internal;

import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationReason;

/** An item's queue row as an action reads it, locked; {@code page} is the content whose page shows it. */
public record QueueItem(long id, ContentKey ref, long version, long authorId, boolean pending, boolean hidden,
                        ModerationReason hiddenReason, ContentKey page) {
}
