package org.participe.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Period;

import org.participe.base.TownZone;
import org.participe.base.database.OneInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal data kept no longer than needed (GDPR): accounts never confirmed are removed after
 * {@code participe.retention.unconfirmed-accounts} (30 days), login history after
 * {@code participe.retention.login-history} (12 months), links to a copy of one's data once expired. Runs nightly; with several app
 * instances, a PostgreSQL advisory lock lets one run and the others skip. No person triggers it,
 * so no role is needed: it is not reachable from any page.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);
    /** Every reference to an account that does not go away with it: such an account is kept. */
    private static final String REFERENCED = """
            exists (select 1 from idea where author_id = a.id) or exists (select 1 from idea_event where actor_id = a.id)
            or exists (select 1 from comment where author_id = a.id)
            or exists (select 1 from initiative where created_by = a.id or updated_by = a.id)
            or exists (select 1 from initiative_update where author_id = a.id) or exists (select 1 from initiative_change where actor_id = a.id)
            or exists (select 1 from moderation_item where author_id = a.id)
            or exists (select 1 from moderation_audit where actor_id = a.id or target_account_id = a.id)""";

    /** What one run removed; {@code ran} is false when another instance held the lock. */
    public record Outcome(boolean ran, int unconfirmedAccounts, int loginAttempts, int expiredExportLinks) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration unconfirmedAccounts;
    private final Period loginHistory;

    Retention(JdbcClient jdbc, Clock clock,
              @Value("${participe.retention.unconfirmed-accounts:30d}") Duration unconfirmedAccounts,
              @Value("${participe.retention.login-history:P12M}") Period loginHistory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.unconfirmedAccounts = unconfirmedAccounts;
        this.loginHistory = loginHistory;
    }

    @Scheduled(cron = "${participe.retention.cron:0 30 3 * * *}", zone = "${participe.town.time-zone:Europe/Paris}")
    void scheduled() {
        Outcome outcome = run();
        if (outcome.ran()) {
            log.info("Retention: {} unconfirmed accounts, {} login attempts and {} expired data export links removed",
                    outcome.unconfirmedAccounts(), outcome.loginAttempts(), outcome.expiredExportLinks());
        }
    }

    @Transactional
    public Outcome run() {
        if (!OneInstance.claim(jdbc, "retention")) {
            return new Outcome(false, 0, 0, 0);
        }
        var now = clock.instant();
        int accounts = jdbc.sql("delete from account a where a.email_confirmed_at is null and a.created_at < ? and not (" + REFERENCED + ")")
                .param(Timestamp.from(now.minus(unconfirmedAccounts))).update();
        var historyStart = now.atZone(TownZone.zone()).minus(loginHistory).toInstant();
        int attempts = jdbc.sql("delete from login_attempt where occurred_at < ?").param(Timestamp.from(historyStart)).update();
        int exports = jdbc.sql("delete from data_export where expires_at < ?").param(Timestamp.from(now)).update();
        return new Outcome(true, accounts, attempts, exports);
    }
}
