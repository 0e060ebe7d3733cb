package org.participe.base.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterSubjectTest {

    @Test
    void aSubjectLongerThanItsColumnIsKeptAsItsDigestTheSameEachTime() {
        String address = "x".repeat(60) + "@" + "quartier-".repeat(20) + "example.org";
        assertThat(RateLimiter.storable(address)).hasSizeLessThanOrEqualTo(120).startsWith("sha256:")
                .isEqualTo(RateLimiter.storable(address)).isNotEqualTo(RateLimiter.storable(address + "x"));
        assertThat(RateLimiter.storable("claire@example.org")).isEqualTo("claire@example.org");
    }
}
