package org.participe.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;
import org.participe.base.TownZone;

class ReportPeriodTest {

    private static ReportPeriod period(String first, String last) {
        return new ReportPeriod(LocalDate.parse(first), LocalDate.parse(last));
    }

    @Test
    void theWholeMonthsOfAPeriodAreThoseItCoversFromTheFirstToTheLastDay() {
        assertThat(period("2025-03-01", "2025-03-31").wholeMonths()).contains(period("2025-03-01", "2025-03-31"));
        assertThat(period("2024-11-27", "2025-11-26").wholeMonths()).as("the last 12 months, seen on 26 November")
                .contains(period("2024-12-01", "2025-10-31"));
        assertThat(period("2024-02-01", "2024-02-29").wholeMonths()).as("a leap February").contains(period("2024-02-01", "2024-02-29"));
        assertThat(period("2025-02-20", "2025-04-30").wholeMonths()).contains(period("2025-03-01", "2025-04-30"));
        assertThat(period("2025-03-05", "2025-04-10").wholeMonths()).as("two partial months").isEmpty();
        assertThat(period("2025-11-01", "2025-11-26").wholeMonths()).as("this month, so far").isEmpty();
        assertThat(period("2025-03-31", "2025-03-31").wholeMonths()).isEmpty();
    }

    @Test
    void aPeriodRunsFromParisMidnightToTheMidnightAfterItsLastDayAndIsComparedWithTheSameLengthBefore() {
        ReportPeriod march = period("2025-03-01", "2025-03-31");
        assertThat(march.start()).isEqualTo(ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, TownZone.ZONE).toInstant());
        assertThat(march.end()).as("summer time began on 30 March").isEqualTo(ZonedDateTime.parse("2025-03-31T22:00Z").toInstant());
        assertThat(march.previous()).isEqualTo(period("2025-01-29", "2025-02-28"));
        assertThat(march.days()).isEqualTo(31);
    }
}
