package org.participe.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * When an official answer is due and whether it came in time: by the town's number of days from
 * the moment an answer became expected, or by the end of the day an official chose (in the town's
 * time zone). Without a due date, nothing is late.
 */
public final class AnswerDeadline {

    private AnswerDeadline() {
    }

    /** The default due date: {@code dueDays} after the answer became expected. */
    public static Instant dueFrom(Instant expectedSince, int dueDays) {
        return expectedSince.plus(Duration.ofDays(dueDays));
    }

    /** A chosen due date: the last second of that day in the town. */
    public static Instant endOf(LocalDate day, ZoneId zone) {
        return day.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1);
    }

    /** Whether a chosen due date is already over: a day before today in the town. */
    public static boolean past(LocalDate day, LocalDate today) {
        return day.isBefore(today);
    }

    /** Unanswered after its due date. */
    public static boolean overdue(Instant due, Instant answered, Instant now) {
        return answered == null && due != null && due.isBefore(now);
    }

    /** Answered by its due date; null while unanswered or without a due date. */
    public static Boolean onTime(Instant due, Instant answered) {
        return answered == null || due == null ? null : !answered.isAfter(due);
    }
}
