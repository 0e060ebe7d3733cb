package org.participe.moderation;

import org.participe.base.content.ContentKey;

import java.time.Instant;

/** What moderation did, for the people concerned to be told; {@code page} is the content whose public page shows the item. */
public final class ModerationEvents {

    private ModerationEvents() {
    }

    /** Content was hidden, by an official or automatically after flags: its author is told why. */
    public record ContentHidden(ContentKey ref, long authorId, ModerationReason reason, String note, ContentKey page, boolean automatic,
                                Instant at) {
    }

    /** Hidden content is public again. */
    public record ContentRestored(ContentKey ref, long authorId, ContentKey page, Instant at) {
    }

    /** An official blocked a resident; the reason is told to them. */
    public record AuthorBlocked(long authorId, String reason, Instant at) {
    }

    public record AuthorUnblocked(long authorId, Instant at) {
    }

    /**
     * Many flags arrived within a few minutes: across all content ({@code ref} null) or on one
     * item. Officials are alerted once per burst, since flags from fresh accounts hide nothing.
     */
    public record FlagBurst(ContentKey ref, ContentKey page, int flags, int minutes, Instant at) {
    }

}
