package org.participe.ideas;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The lifecycle of an idea (DOMAIN.md). */
public enum IdeaStatus {
    PENDING, PUBLISHED, UNDER_REVIEW, ACCEPTED, REJECTED, IN_PROGRESS, DONE, WITHDRAWN;

    /** Statuses in which residents may still support an idea. */
    public static final Set<IdeaStatus> OPEN_TO_SUPPORT = EnumSet.of(PUBLISHED, UNDER_REVIEW);

    /** The statuses an official's answer may give an idea, in the order an answer form offers them. */
    public static final List<IdeaStatus> ANSWERS = List.of(UNDER_REVIEW, ACCEPTED, REJECTED, IN_PROGRESS, DONE);

    /** Statuses the public list offers as filters. */
    public static final Set<IdeaStatus> PUBLIC = EnumSet.complementOf(EnumSet.of(PENDING));

    public boolean isOpenToSupport() {
        return OPEN_TO_SUPPORT.contains(this);
    }

    public boolean isOpenToComments() {
        return this != PENDING && this != WITHDRAWN;
    }
}
