package org.participe.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.participe.base.TownZone;

/**
 * A period of whole days in the town's time zone, both ends included. Figures count what happened
 * from the first day's midnight to the midnight after the last day, Paris time.
 */
public record ReportPeriod(LocalDate first, LocalDate last) {

    public static final int MAX_DAYS = 3 * 366;

    public ReportPeriod {
        if (first == null || last == null || last.isBefore(first)) {
            throw new IllegalArgumentException("A period ends on or after its first day");
        }
    }

    public static ReportPeriod thisMonth(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(TownZone.zone()));
        return new ReportPeriod(today.withDayOfMonth(1), today);
    }

    public static ReportPeriod last12Months(Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(TownZone.zone()));
        return new ReportPeriod(today.minusMonths(12).plusDays(1), today);
    }

    public long days() {
        return ChronoUnit.DAYS.between(first, last) + 1;
    }

    /** The period of the same length just before this one: what changes are measured against. */
    public ReportPeriod previous() {
        return new ReportPeriod(first.minusDays(days()), first.minusDays(1));
    }

    public Instant start() {
        return first.atStartOfDay(TownZone.zone()).toInstant();
    }

    public Instant end() {
        return last.plusDays(1).atStartOfDay(TownZone.zone()).toInstant();
    }
}
