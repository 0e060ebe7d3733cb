package org.participe.accounts;

import java.util.Collection;
import java.util.List;

import org.participe.accounts.internal.AddresseeStore;
import org.participe.security.Roles;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whom other modules may write to (notifications, digests), for work that runs without a
 * signed-in person: only confirmed accounts, each once, ordered by id. One statement per call,
 * however many ids are asked about.
 */
@Component
@Transactional(readOnly = true)
public class Addressees {

    private final AddresseeStore store;

    Addressees(AddresseeStore store) {
        this.store = store;
    }

    /** The confirmed accounts among these ids (unknown or unconfirmed ones are left out). */
    public List<Addressee> confirmed(Collection<Long> accountIds) {
        return accountIds.isEmpty() ? List.of() : store.confirmed(accountIds);
    }

    /** The confirmed, unblocked officials: who may act on what moderation is told. */
    public List<Addressee> officials() {
        return store.confirmedWithRole(Roles.OFFICIAL);
    }
}
