package org.participe.moderation;

import java.time.LocalDate;

/**
 * The follow-up figures of one period (a month): answers given, how many within their due date
 * (out of those that had one), the median days from publication to answer, and the items due in
 * the period still unanswered.
 */
public record PeriodFigures(LocalDate periodStart, int answered, int withDueDate, int onTime, Double medianDays, int openOverdue) {
}
