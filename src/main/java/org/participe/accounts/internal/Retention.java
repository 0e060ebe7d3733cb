package org.participe.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.participe.base.TownZone;
import org.participe.base.database.OneInstance;
import org.participe.base.privacy.DataRetention;
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
 * {@code participe.retention.login-history} (12 months), and each feature removes what it keeps
 * past its own period (links to a copy of one's data once expired). Runs nightly; with several app
 * instances, a PostgreSQL advisory lock lets one run and the others skip. No person triggers it,
 * so no role is needed: it is not reachable from any page.
 * <p>
 * The tables of the other features stay theirs: an unconfirmed account is kept while a feature
 * says its data still refers to it ({@link DataRetention}). The whole run is one transaction: the
 * advisory lock lasts as long as it; the accounts to remove are locked first, so that nothing can
 * come to refer to them between the features' answers and their deletion; and there is nothing to
 * keep from a half-done run (no mail, no outside effect), while one batch costs one query per
 * feature whatever the number of accounts, where a transaction per person would cost that per person.
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    /** What one run removed; {@code ran} is false when another instance held the lock. */
    public record Outcome(boolean ran, int unconfirmedAccounts, int loginAttempts, int expiredItems) {
    }

    private final JdbcClient jdbc;
    private final List<DataRetention> features;
    private final Clock clock;
    private final Duration unconfirmedAccounts;
    private final Period loginHistory;

    Retention(JdbcClient jdbc, List<DataRetention> features, Clock clock,
              @Value("${participe.retention.unconfirmed-accounts:30d}") Duration unconfirmedAccounts,
              @Value("${participe.retention.login-history:P12M}") Period loginHistory) {
        this.jdbc = jdbc;
        this.features = List.copyOf(features);
        this.clock = clock;
        this.unconfirmedAccounts = unconfirmedAccounts;
        this.loginHistory = loginHistory;
    }

    @Scheduled(cron = "${participe.retention.cron:0 30 3 * * *}", zone = "${participe.town.time-zone:Europe/Paris}")
    void scheduled() {
        Outcome outcome = run();
        if (outcome.ran()) {
            log.info("Retention: {} unconfirmed accounts, {} login attempts and {} expired items (such as data export links) removed",
                    outcome.unconfirmedAccounts(), outcome.loginAttempts(), outcome.expiredItems());
        }
    }

    @Transactional
    public Outcome run() {
        if (!OneInstance.claim(jdbc, "retention")) {
            return new Outcome(false, 0, 0, 0);
        }
        var now = clock.instant();
        int accounts = removeUnconfirmedAccounts(now.minus(unconfirmedAccounts));
        var historyStart = now.atZone(TownZone.zone()).minus(loginHistory).toInstant();
        int attempts = jdbc.sql("delete from login_attempt where occurred_at < ?").param(Timestamp.from(historyStart)).update();
        int expired = features.stream().mapToInt(feature -> feature.removeExpired(now)).sum();
        return new Outcome(true, accounts, attempts, expired);
    }

    /** Accounts created before {@code createdBefore} and never confirmed, but those another feature's data still names. */
    private int removeUnconfirmedAccounts(Instant createdBefore) {
        Set<Long> removable = new HashSet<>(jdbc.sql("select id from account where email_confirmed_at is null and created_at < ? for update")
                .param(Timestamp.from(createdBefore)).query(Long.class).list());
        for (DataRetention feature : features) {
            if (removable.isEmpty()) {
                return 0;
            }
            removable.removeAll(feature.accountsStillReferenced(Set.copyOf(removable)));
        }
        if (removable.isEmpty()) {
            return 0;
        }
        return jdbc.sql("delete from account where id = any(?)").param(removable.toArray(Long[]::new)).update();
    }
}
