package org.participe.moderation;

import java.time.Instant;

/** What the public sees of an answer's follow-up: when it is expected, when it came, and whether on time. */
public record ItemFollowUp(Instant dueAt, Instant answeredAt, String assigneeName, String assigneeService) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** Null when no date was set: nothing to be late for. */
    public Boolean onTime() {
        return answeredAt == null || dueAt == null ? null : !answeredAt.isAfter(dueAt);
    }

    public boolean overdue(Instant now) {
        return answeredAt == null && dueAt != null && dueAt.isBefore(now);
    }
}
