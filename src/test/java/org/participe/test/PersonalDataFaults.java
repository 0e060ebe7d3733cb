package org.participe.test;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A feature that fails while erasing when a test asks, after every real feature but the account
 * has erased its part: the deletion must then leave nothing changed.
 */
@Component
@Order(1000)
public class PersonalDataFaults implements PersonalData {

    private static final AtomicBoolean FAIL_NEXT_ERASE = new AtomicBoolean();

    public static void failNextErase() {
        FAIL_NEXT_ERASE.set(true);
    }

    public static void disarm() {
        FAIL_NEXT_ERASE.set(false);
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of();
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        if (FAIL_NEXT_ERASE.getAndSet(false)) {
            throw new IllegalStateException("Simulated failure while erasing account " + accountId);
        }
    }
}
