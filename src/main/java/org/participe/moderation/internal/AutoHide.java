package org.participe.moderation.internal;

import java.util.function.IntSupplier;

import org.participe.town.FlagRules;

/**
 * Whether a flag hides its item pending review: the item's open flags reach the town's number,
 * counting only the flags of accounts trusted when they flagged, and the item is not so supported
 * that flags alone may not hide it ({@link FlagRules#flagsMayHide}). The counts that need a query
 * are asked only when the cheaper test passed.
 */
public final class AutoHide {

    private AutoHide() {
    }

    public static boolean hides(int openFlags, IntSupplier trustedOpenFlags, int flagsToHide, IntSupplier supports, FlagRules rules) {
        return openFlags >= flagsToHide && trustedOpenFlags.getAsInt() >= flagsToHide && rules.flagsMayHide(supports.getAsInt());
    }
}
