package org.participe.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class FlagBurstRuleTest {

    private final FlagBurstRule rule = new FlagBurstRule(10, 5, Duration.ofMinutes(30));
    private final Instant now = Instant.parse("2026-05-01T10:00:00Z");

    @Test
    void theFlagBeingMadeCountsTowardABurst() {
        assertThat(rule.overall(8)).isFalse();
        assertThat(rule.overall(9)).isTrue();
        assertThat(rule.onOneItem(3)).isFalse();
        assertThat(rule.onOneItem(4)).isTrue();
    }

    @Test
    void theWindowEndsNow() {
        assertThat(rule.since(now)).isEqualTo(Instant.parse("2026-05-01T09:30:00Z"));
    }

    @Test
    void anAlertCoversTheRestOfItsWindowOnly() {
        Instant since = rule.since(now);
        assertThat(FlagBurstRule.stillCovers(since.plusSeconds(1), since)).isTrue();
        assertThat(FlagBurstRule.stillCovers(since, since)).isFalse();
        assertThat(FlagBurstRule.stillCovers(null, since)).isFalse();
    }
}
