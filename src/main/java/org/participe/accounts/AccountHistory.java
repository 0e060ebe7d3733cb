package org.participe.accounts;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

import org.participe.accounts.internal.AccountHistoryStore;
import org.participe.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates accounts after the fact, for people recorded later than they joined: a town importing its
 * residents from another platform ({@link AccountService#importConfirmed} dates them "now"), the
 * demo town's past. Sets when each signed up (and accepted the terms) and confirmed their e-mail
 * address; nothing is published. Administrators only (the demo seeds as one, at start-up); one
 * statement per call, whatever the number of accounts.
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class AccountHistory {

    /** When a person signed up and accepted the terms, and when they confirmed their address. */
    public record DatedAccount(long accountId, Instant signedUpAt, Instant confirmedAt) {
        public DatedAccount {
            Objects.requireNonNull(signedUpAt);
            Objects.requireNonNull(confirmedAt);
        }
    }

    private final AccountHistoryStore store;

    AccountHistory(AccountHistoryStore store) {
        this.store = store;
    }

    public void dateSignUps(Collection<DatedAccount> accounts) {
        if (!accounts.isEmpty()) {
            store.dateSignUps(accounts);
        }
    }
}
