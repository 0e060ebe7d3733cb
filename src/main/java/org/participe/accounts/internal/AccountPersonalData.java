package org.participe.accounts.internal;

import java.time.Clock;
import java.util.List;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.i18n.SupportedLocales;
import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

    AccountPersonalData(AccountRepository accounts, JdbcClient jdbc, SessionTerminator sessions, I18NProvider translations, Clock clock) {
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.translations = translations;
        this.clock = clock;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(
                PersonalDataSet.query(jdbc, "profile", """
                        select a.id, a.email, a.display_name, n.name as neighbourhood, a.birth_year, a.sex, a.locale as language,
                               (select string_agg(r.role, ' ' order by r.role) from account_role r where r.account_id = a.id) as roles,
                               a.created_at, a.email_confirmed_at, a.terms_accepted_at, a.updated_at, a.blocked_at, a.blocked_reason
                        from account a left join neighbourhood n on n.id = a.neighbourhood_id where a.id = ?""", accountId),
                PersonalDataSet.query(jdbc, "login_history",
                        "select occurred_at, outcome, client_ip from login_attempt where account_id = ? and outcome <> 'PENDING' order by occurred_at", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        AccountEntity account = accounts.findById(accountId).orElseThrow();
        String formerEmail = account.getEmail();
        jdbc.sql("delete from login_attempt where account_id = ? or email = ?").params(accountId, formerEmail).update();
        jdbc.sql("delete from account_token where account_id = ?").param(accountId).update();
        account.erase(clock.instant(), translations.getTranslation("my-data.deleted-account", SupportedLocales.DEFAULT), NO_PASSWORD);
        accounts.flush();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                sessions.endAllSessions(accountId, null);
            }
        });
    }
}
