package org.participe.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import org.junit.jupiter.api.Test;
import org.participe.town.FlagRules;

class AutoHideTest {

    private static final FlagRules RULES = new FlagRules(7, 1, 50);
    private final AtomicInteger lookups = new AtomicInteger();

    private IntSupplier counted(int value) {
        return () -> {
            lookups.incrementAndGet();
            return value;
        };
    }

    @Test
    void theThirdTrustedFlagHidesAnItemWithFewSupports() {
        assertThat(AutoHide.hides(3, counted(3), 3, counted(49), RULES)).isTrue();
    }

    @Test
    void fewerOpenFlagsThanTheTownsNumberHideNothingAndCostNoQuery() {
        assertThat(AutoHide.hides(2, counted(2), 3, counted(0), RULES)).isFalse();
        assertThat(lookups).hasValue(0);
    }

    @Test
    void flagsFromAccountsNotTrustedDoNotCount() {
        assertThat(AutoHide.hides(5, counted(2), 3, counted(0), RULES)).isFalse();
        assertThat(lookups).as("the supports are not asked").hasValue(1);
    }

    @Test
    void flagsAloneNeverHideAWellSupportedItem() {
        assertThat(AutoHide.hides(3, counted(3), 3, counted(50), RULES)).isFalse();
        assertThat(AutoHide.hides(10, counted(10), 3, counted(1000), RULES)).isFalse();
    }
}
