package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.participe.reporting.ReportPeriod;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

/** One town time zone, from configuration (PARTICIPE_TIME_ZONE), and the reporting periods follow it. */
class TownZoneTest {

    @AfterEach
    void backToTheDefault() {
        TownZone.use(TownZone.DEFAULT);
    }

    private static void configure(String zone) {
        new TownZone.FromConfiguration().postProcessEnvironment(new MockEnvironment().withProperty(TownZone.PROPERTY, zone),
                new SpringApplication());
    }

    @Test
    void theConfiguredZoneCountsTheDaysAndMonths() {
        // 1 March 2026, 03:00 UTC: already March in Paris, still February in Montreal (UTC-5).
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T03:00:00Z"), ZoneOffset.UTC);
        assertThat(ReportPeriod.thisMonth(clock).first()).isEqualTo(LocalDate.of(2026, 3, 1));

        configure("America/Montreal");
        assertThat(TownZone.zone()).isEqualTo(ZoneId.of("America/Montreal"));
        ReportPeriod month = ReportPeriod.thisMonth(clock);
        assertThat(month.first()).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(month.last()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(month.start()).isEqualTo(Instant.parse("2026-02-01T05:00:00Z"));
    }

    @Test
    void withoutSettingItIsParis() {
        configure(" Europe/Paris ");
        assertThat(TownZone.zone()).isEqualTo(ZoneId.of("Europe/Paris"));
    }

    @Test
    void aZoneJavaDoesNotKnowStopsTheStartWithAReport() {
        assertThatThrownBy(() -> configure("Europe/Pari")).isInstanceOf(StartRefusedException.class)
                .hasMessageContaining("'Europe/Pari'").hasMessageContaining(TownZone.PROPERTY);
    }
}
