package org.participe.reporting;

import java.time.LocalDate;

/** One week's activity (weeks start on Monday, Paris time). */
public record WeekActivity(LocalDate weekStart, long ideas, long supports, long comments, long newAccounts) {
}
