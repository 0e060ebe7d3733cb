package org.participe.ideas;

import java.time.Duration;
import java.time.Instant;

/**
 * The town's threshold: an idea that gathers {@code supports} supports within {@code days} days
 * requires an official answer (Go Vocal: 300 in 90 days).
 */
record SupportThreshold(int supports, int days) {

    /** Whether the idea's total could include enough recent supports: below it, nothing is counted. */
    boolean worthCounting(int totalSupports) {
        return totalSupports >= supports;
    }

    /** Supports given after this instant are recent enough to count. */
    Instant countsFrom(Instant now) {
        return now.minus(Duration.ofDays(days));
    }

    boolean isReachedBy(int recentSupports) {
        return recentSupports >= supports;
    }
}
