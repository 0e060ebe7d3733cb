package org.participe.moderation.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * What a burst of flags is: at least {@code flagsOverall} flags across all content, or
 * {@code flagsOnOneItem} on one item, within {@code window}, the flag being made included. A scope
 * alerted within the window is not alerted again.
 */
public record FlagBurstRule(int flagsOverall, int flagsOnOneItem, Duration window) {

    /** Where the window that ends now starts. */
    public Instant since(Instant now) {
        return now.minus(window);
    }

    /** @param earlier flags across all content within the window, before this one */
    public boolean overall(int earlier) {
        return earlier + 1 >= flagsOverall;
    }

    /** @param earlier flags on the item within the window, before this one */
    public boolean onOneItem(int earlier) {
        return earlier + 1 >= flagsOnOneItem;
    }

    /** Whether an alert at that moment still covers the window that starts at {@code since}. */
    public static boolean stillCovers(Instant alertedAt, Instant since) {
        return alertedAt != null && alertedAt.isAfter(since);
    }
}
