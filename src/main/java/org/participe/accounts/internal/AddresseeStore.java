package org.participe.accounts.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.participe.accounts.Addressee;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The addresses, names and languages of confirmed accounts, read in one statement per call. */
@Component
public class AddresseeStore {

    private final JdbcClient jdbc;

    AddresseeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids go as one array parameter: a fan-out to thousands of followers stays one statement. */
    public List<Addressee> confirmed(Collection<Long> accountIds) {
        return jdbc.sql("select id, email, display_name, locale from account where id = any(?) and email_confirmed_at is not null order by id")
                .param(accountIds.toArray(Long[]::new)).query(AddresseeStore::addressee).list();
    }

    public List<Addressee> confirmedWithRole(String role) {
        return jdbc.sql("""
                        select a.id, a.email, a.display_name, a.locale from account a join account_role r on r.account_id = a.id
                        where r.role = ? and a.email_confirmed_at is not null and a.blocked_at is null order by a.id""")
                .param(role).query(AddresseeStore::addressee).list();
    }

    private static Addressee addressee(ResultSet rs, int row) throws SQLException {
        return new Addressee(rs.getLong(1), rs.getString(2), rs.getString(3), Locale.forLanguageTag(rs.getString(4)));
    }
}
