package org.participe.accounts.internal;

import java.util.Collection;

import org.participe.accounts.AccountHistory.DatedAccount;
import org.participe.base.database.SqlArrays;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dates of {@code account} rows set after the fact ({@code AccountHistory}), all in one statement. */
@Component
public class AccountHistoryStore {

    private final JdbcClient jdbc;

    AccountHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void dateSignUps(Collection<DatedAccount> accounts) {
        jdbc.sql("""
                        update account a set created_at = d.signed_up_at, terms_accepted_at = d.signed_up_at,
                               email_confirmed_at = d.confirmed_at, updated_at = d.signed_up_at
                        from unnest(cast(:ids as bigint[]), cast(:signedUp as timestamptz[]), cast(:confirmed as timestamptz[]))
                             as d(account_id, signed_up_at, confirmed_at)
                        where a.id = d.account_id""")
                .param("ids", SqlArrays.of(accounts.stream().map(DatedAccount::accountId).toList()))
                .param("signedUp", SqlArrays.of(accounts.stream().map(DatedAccount::signedUpAt).toList()))
                .param("confirmed", SqlArrays.of(accounts.stream().map(DatedAccount::confirmedAt).toList()))
                .update();
    }
}
