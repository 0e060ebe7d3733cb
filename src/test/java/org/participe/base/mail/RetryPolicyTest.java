package org.participe.base.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofDays(2));

    @Test
    void theWaitDoublesAfterEachFailureUpToTheLongest() {
        assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.delayAfter(7)).isEqualTo(Duration.ofHours(1));
        assertThat(policy.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMailIsGivenUpWhenItsNextTryWouldComeTooLate() {
        Instant written = Instant.parse("2026-03-01T08:00:00Z");
        assertThat(policy.givesUp(written, written.plus(Duration.ofDays(2)))).isFalse();
        assertThat(policy.givesUp(written, written.plus(Duration.ofDays(2)).plusSeconds(1))).isTrue();
    }

    @Test
    void nonsensicalDelaysAreRefusedAtStart() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
