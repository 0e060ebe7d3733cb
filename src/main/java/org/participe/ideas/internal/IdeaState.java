package org.participe.ideas.internal;

import java.time.Instant;

import org.participe.ideas.IdeaStatus;

/** What the rules of an action need to know of an idea: its author, status, visibility, dates and counts; and its title, for events. */
public record IdeaState(long id, long authorId, IdeaStatus status, boolean hidden, Instant publishedAt, Instant createdAt,
                        int supportCount, int commentCount, boolean thresholdReached, String title) {

    /** The moment the edit window opens: publication, or creation while the idea waits for moderation. */
    public Instant editableSince() {
        return publishedAt != null ? publishedAt : createdAt;
    }
}
