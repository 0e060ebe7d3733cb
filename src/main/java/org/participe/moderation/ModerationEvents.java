package org.participe.moderation;

import java.time.Instant;

/** What moderation did, for the people concerned to be told. */
public final class ModerationEvents {

    private ModerationEvents() {
    }

    /** Content was hidden, by an official or automatically after flags: its author is told why. */
    public record ContentHidden(ContentRef ref, long authorId, ModerationReason reason, String note, String pagePath, boolean automatic,
                                Instant at) {
    }

    /** Hidden content is public again. */
    public record ContentRestored(ContentRef ref, long authorId, String pagePath, Instant at) {
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
    public record FlagBurst(ContentRef ref, String pagePath, int flags, int minutes, Instant at) {
    }

}
