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
    void aPeriodRunsFromParisMidnightToTheMidnightAfterItsLastDayAndIsComparedWithTheSameLengthBefore() {
        ReportPeriod march = period("2025-03-01", "2025-03-31");
        assertThat(march.start()).isEqualTo(ZonedDateTime.of(2025, 3, 1, 0, 0, 0, 0, TownZone.zone()).toInstant());
        assertThat(march.end()).as("summer time began on 30 March").isEqualTo(ZonedDateTime.parse("2025-03-31T22:00Z").toInstant());
        assertThat(march.previous()).isEqualTo(period("2025-01-29", "2025-02-28"));
        assertThat(march.days()).isEqualTo(31);
    }
}
