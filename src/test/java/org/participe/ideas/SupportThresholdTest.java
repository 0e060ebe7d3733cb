package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The support threshold that requires an answer: plain rules, no Spring. */
class SupportThresholdTest {

    private final SupportThreshold threshold = new SupportThreshold(300, 90);

    @Test
    void recentSupportsAreCountedOnlyOnceTheTotalCouldReachIt() {
        assertThat(threshold.worthCounting(299)).isFalse();
        assertThat(threshold.worthCounting(300)).isTrue();
    }

    @Test
    void reachedByEnoughSupportsWithinThePeriod() {
        Instant now = Instant.parse("2026-06-30T12:00:00Z");
        assertThat(threshold.countsFrom(now)).isEqualTo(Instant.parse("2026-04-01T12:00:00Z"));
        assertThat(threshold.isReachedBy(299)).isFalse();
        assertThat(threshold.isReachedBy(300)).isTrue();
    }
}
