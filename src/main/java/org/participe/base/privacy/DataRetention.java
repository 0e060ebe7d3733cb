package org.participe.base.privacy;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * A feature's part in the nightly clean-up of personal data kept past its time (GDPR), which the
 * accounts feature runs ({@code accounts/internal/Retention}) without knowing the features' tables:
 * each feature says which accounts its data still refers to, and removes what it keeps past its
 * own period. Both run inside the clean-up's transaction.
 */
public interface DataRetention {

    /**
     * Of {@code accountIds} (accounts about to be removed, locked until the clean-up commits), those
     * that this feature's data names and that must therefore stay: an author or an actor whose row
     * does not go away with the account. One query for the whole batch.
     */
    default Set<Long> accountsStillReferenced(Collection<Long> accountIds) {
        return Set.of();
    }

    /** Removes what this feature keeps past its retention period at {@code now}; returns how many rows went. */
    default int removeExpired(Instant now) {
        return 0;
    }
}
