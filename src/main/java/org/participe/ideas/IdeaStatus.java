package org.participe.ideas;

import java.util.EnumSet;
import java.util.Set;

/** The lifecycle of an idea (DOMAIN.md). */
public enum IdeaStatus {
    PENDING, PUBLISHED, UNDER_REVIEW, ACCEPTED, REJECTED, IN_PROGRESS, DONE, WITHDRAWN;

    /** Statuses in which residents may still support an idea. */
    public static final Set<IdeaStatus> OPEN_TO_SUPPORT = EnumSet.of(PUBLISHED, UNDER_REVIEW);

    /** Statuses the public list offers as filters. */
    public static final Set<IdeaStatus> PUBLIC = EnumSet.complementOf(EnumSet.of(PENDING));

    public boolean isOpenToSupport() {
        return OPEN_TO_SUPPORT.contains(this);
    }

    public boolean isOpenToComments() {
        return this != PENDING && this != WITHDRAWN;
    }
}
