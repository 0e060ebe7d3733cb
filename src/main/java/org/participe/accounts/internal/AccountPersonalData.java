package org.participe.accounts.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The account itself: profile and login history. Erased last, once every feature has let go of
 * the person: the row becomes anonymous, its links and login history go, and once the deletion
 * is committed its sessions end.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class AccountPersonalData implements PersonalData {

    /** A known encoder's prefix before something no hash looks like: every password is refused, quietly. */
    private static final String NO_PASSWORD = "{bcrypt}deleted";

    private final AccountRepository accounts;
    private final JdbcClient jdbc;
    private final SessionTerminator sessions;
    private final I18NProvider translations;
    private final Clock clock;
    private final TownService town;

    AccountPersonalData(AccountRepository accounts, JdbcClient jdbc, SessionTerminator sessions, I18NProvider translations, Clock clock,
                        TownService town) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.translations = translations;
        this.clock = clock;
        this.town = town;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        PersonalDataSet profile = PersonalDataSet.query(jdbc, "profile", """
                select a.id, a.email, a.display_name, a.neighbourhood_id as neighbourhood, a.birth_year, a.sex, a.locale as language,
                       (select string_agg(r.role, ' ' order by r.role) from account_role r where r.account_id = a.id) as roles,
                       a.created_at, a.email_confirmed_at, a.terms_accepted_at, a.updated_at, a.blocked_at, a.blocked_reason
                from account a where a.id = ?""", accountId);
        return List.of(
                withNeighbourhoodNames(profile),
                PersonalDataSet.query(jdbc, "login_history",
                        "select occurred_at, outcome, client_ip from login_attempt where account_id = ? and outcome <> 'PENDING' order by occurred_at", accountId));
    }

    /** The neighbourhood's name instead of its id: the town module keeps the names. */
    private PersonalDataSet withNeighbourhoodNames(PersonalDataSet profile) {
        int column = profile.columns().indexOf("neighbourhood");
        List<List<Object>> rows = profile.rows().stream().map(row -> {
            List<Object> named = new ArrayList<>(row);
            if (row.get(column) instanceof Number id) {
                named.set(column, town.neighbourhood(id.longValue()).map(Neighbourhood::name).orElse(null));
            }
            return named;
        }).toList();
        return new PersonalDataSet(profile.name(), profile.columns(), rows);
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        AccountEntity account = accounts.findById(accountId).orElseThrow();
        String formerEmail = account.getEmail();
        jdbc.sql("delete from login_attempt where account_id = ? or email = ?").params(accountId, formerEmail).update();
        jdbc.sql("delete from account_token where account_id = ?").param(accountId).update();
        account.erase(clock.instant(), translations.getTranslation("my-data.deleted-account", SupportedLocales.DEFAULT), NO_PASSWORD);
        accounts.flush();
        sessions.endAllSessionsAfterCommit(accountId);
    }
}
