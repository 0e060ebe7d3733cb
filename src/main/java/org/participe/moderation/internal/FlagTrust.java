package org.participe.moderation.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.participe.town.FlagRules;

/**
 * Whether a resident's flag counts toward hiding content: under the town's {@link FlagRules}, an
 * account old enough (in whole days), or one that has taken part enough. What it takes to know is
 * asked lazily and no further than needed: nothing when every account is trusted, the account's age
 * next, then its contributions one kind of content at a time.
 */
public final class FlagTrust {

    private FlagTrust() {
    }

    /**
     * @param createdAt when the account was created (empty if unknown: a brand-new account)
     * @param contributions how many items of each kind of content the account published
     */
    public static boolean trusted(FlagRules rules, Supplier<Optional<Instant>> createdAt, Instant now, List<LongSupplier> contributions) {
        if (rules.trusts(0, 0)) {
            return true;
        }
        long ageDays = createdAt.get().map(created -> Duration.between(created, now).toDays()).orElse(0L);
        if (rules.trusts(ageDays, 0)) {
            return true;
        }
        long total = 0;
        for (LongSupplier kind : contributions) {
            total += kind.getAsLong();
            if (rules.trusts(ageDays, total)) {
                return true;
            }
        }
        return false;
    }
}
