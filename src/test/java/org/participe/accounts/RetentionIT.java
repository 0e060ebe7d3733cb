package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.participe.accounts.internal.Retention;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Personal data is not kept past its retention period, and two instances never run the clean-up together. */
@SpringBootTest
class RetentionIT {

    @Autowired Retention retention;
    @Autowired TestData data;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void town() {
        data.ensureTown();
    }

    private long account(String prefix, boolean confirmed, int daysOld) {
        ParticipeUser person = data.confirmedAccount(prefix, Roles.RESIDENT);
        jdbc.update("update account set created_at = now() - make_interval(days => ?), email_confirmed_at = case when ? then email_confirmed_at end"
                + " where id = ?", daysOld, confirmed, person.accountId());
        return person.accountId();
    }

    private boolean exists(long account) {
        return jdbc.queryForObject("select count(*) from account where id = ?", Long.class, account) == 1;
    }

    @Test
    void unconfirmedAccountsGoAfterThirtyDaysAndLoginHistoryAfterTwelveMonths() {
        long stale = account("stale", false, 31);
        long recent = account("recent", false, 29);
        long confirmedLongAgo = account("confirmed", true, 400);
        jdbc.update("insert into account_token (account_id, purpose, token_hash, expires_at, created_at) values (?, 'CONFIRM_EMAIL', md5(random()::text) || md5(random()::text), now() - interval '29 days', now() - interval '31 days')", stale);
        jdbc.update("insert into login_attempt (account_id, email, outcome, occurred_at) values (?, 'old@test', 'SUCCESS', now() - interval '13 months')", confirmedLongAgo);
        jdbc.update("insert into login_attempt (account_id, email, outcome, occurred_at) values (?, 'kept@test', 'SUCCESS', now() - interval '11 months')", confirmedLongAgo);
        jdbc.update("insert into login_attempt (account_id, email, outcome, occurred_at) values (null, 'unknown@test', 'FAILURE', now() - interval '14 months')");

        jdbc.update("insert into data_export (account_id, created_at, expires_at) values (?, now() - interval '8 days', now() - interval '1 day')", confirmedLongAgo);
        jdbc.update("insert into data_export (account_id, created_at, expires_at) values (?, now() - interval '6 days', now() + interval '1 day')", confirmedLongAgo);

        Retention.Outcome outcome = retention.run();

        assertThat(outcome.ran()).isTrue();
        assertThat(exists(stale)).as("unconfirmed for 31 days").isFalse();
        assertThat(exists(recent)).as("unconfirmed for 29 days").isTrue();
        assertThat(exists(confirmedLongAgo)).isTrue();
        assertThat(jdbc.queryForObject("select count(*) from account_token where account_id = ?", Long.class, stale)).isZero();
        assertThat(jdbc.queryForList("select email from login_attempt where occurred_at < now() - interval '12 months'", String.class)).isEmpty();
        assertThat(jdbc.queryForList("select email from login_attempt where account_id = ?", String.class, confirmedLongAgo)).containsExactly("kept@test");
        assertThat(outcome.unconfirmedAccounts()).isGreaterThanOrEqualTo(1);
        assertThat(outcome.loginAttempts()).isGreaterThanOrEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from data_export where account_id = ? and expires_at > now()", Long.class, confirmedLongAgo))
                .as("a link still valid stays").isOne();
        assertThat(jdbc.queryForObject("select count(*) from data_export where expires_at < now()", Long.class)).as("expired links go").isZero();
    }

    @Test
    void whileOneInstanceRunsTheCleanUpAnotherSkipsIt() throws Exception {
        long stale = account("held", false, 45);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // The other instance: its run's transaction holds the lock until released.
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_try_advisory_xact_lock(hashtext('participe-retention'))", Boolean.class);
            holding.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
        try {
            assertThat(retention.run()).isEqualTo(new Retention.Outcome(false, 0, 0, 0));
            assertThat(exists(stale)).isTrue();
        } finally {
            release.countDown();
            other.get(30, TimeUnit.SECONDS);
        }
        assertThat(retention.run().ran()).isTrue();
        assertThat(exists(stale)).isFalse();
    }
}
