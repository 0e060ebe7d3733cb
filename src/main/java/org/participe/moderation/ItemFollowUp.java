package org.participe.moderation;

import java.time.Instant;

import org.participe.moderation.internal.AnswerDeadline;

/** What the public sees of an answer's follow-up: when it is expected, when it came, and whether on time. */
public record ItemFollowUp(Instant dueAt, Instant answeredAt, String assigneeName, String assigneeService) {

    public boolean answered() {
        return answeredAt != null;
    }

    /** Null when no date was set: nothing to be late for. */
    public Boolean onTime() {
        return AnswerDeadline.onTime(dueAt, answeredAt);
    }

    public boolean overdue(Instant now) {
        return AnswerDeadline.overdue(dueAt, answeredAt, now);
    }
}
