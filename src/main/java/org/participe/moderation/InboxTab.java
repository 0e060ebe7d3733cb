package org.participe.moderation;

/** The moderation inbox's tabs, each a list sorted oldest first. */
public enum InboxTab {
    /** Waiting for pre-moderation. */
    PENDING,
    /** Flagged by residents, still visible. */
    FLAGGED,
    /** Hidden automatically by flags, waiting for an official's review. */
    AUTO_HIDDEN,
    /** Reached the threshold, or published long ago, and not answered yet. */
    AWAITING_ANSWER,
    /** Not answered by its due date. */
    OVERDUE,
    /** Hidden by an official or with its blocked author: what may be restored. */
    HIDDEN
}
