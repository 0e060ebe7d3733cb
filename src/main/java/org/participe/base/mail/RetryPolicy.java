package org.participe.base.mail;

import java.time.Duration;
import java.time.Instant;

/**
 * When a mail that failed for a temporary reason is tried again: after {@code first}, then twice as
 * long each time up to {@code longest}; and when it is given up: once {@code giveUpAfter} has passed
 * since it was written, so that a mail neither waits forever nor goes out days too late.
 */
record RetryPolicy(Duration first, Duration longest, Duration giveUpAfter) {

    RetryPolicy {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0 || giveUpAfter.isNegative()) {
            throw new IllegalArgumentException("Retry delays must be positive, the longest at least the first: " + first + ", " + longest);
        }
    }

    /** The wait after the given number of attempts (1 after the first failure). */
    Duration delayAfter(int attempts) {
        Duration delay = first;
        for (int i = 1; i < attempts && delay.compareTo(longest) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(longest) < 0 ? delay : longest;
    }

    /** Whether the next attempt would come too late to be worth it. */
    boolean givesUp(Instant writtenAt, Instant nextAttempt) {
        return nextAttempt.isAfter(writtenAt.plus(giveUpAfter));
    }
}
