package org.participe.moderation;

import java.util.List;

/**
 * Why content is flagged or hidden. Residents and officials choose among the first five; the
 * platform itself hides content as {@link #FLAGGED} (enough flags, pending review) or
 * {@link #AUTHOR_BLOCKED} (its author was blocked).
 */
public enum ModerationReason {
    SPAM, ABUSE, OFF_TOPIC, PERSONAL_DATA, OTHER, FLAGGED, AUTHOR_BLOCKED;

    /** What a person may choose when flagging or hiding. */
    public static final List<ModerationReason> CHOSEN = List.of(SPAM, ABUSE, OFF_TOPIC, PERSONAL_DATA, OTHER);

    public boolean chosen() {
        return CHOSEN.contains(this);
    }
}
