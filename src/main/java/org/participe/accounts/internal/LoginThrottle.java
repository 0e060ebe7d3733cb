package org.participe.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.participe.security.ParticipeUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records every sign-in attempt and locks an account for a while after too many failures in a
 * short window (5 in 15 minutes by default), so that a password cannot be guessed online.
 * <p>
 * A password is checked only after {@link #reserve reserving} the attempt (a {@code PENDING} row,
 * written under the account's row lock and counted with the failures): without it, a burst of
 * parallel attempts all passed the "locked?" test before the first failure was recorded, and an
 * attacker got as many guesses as requests. The outcome then takes the reservation's place.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final Duration window;
    private final Duration lockDuration;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${participe.accounts.login-max-failures}") int maxFailures,
                  @Value("${participe.accounts.login-window}") Duration window,
                  @Value("${participe.accounts.login-lock}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /**
     * Reserves a password check for the account, unless the failures and the checks under way
     * already reach the limit (the attempt is then refused as for a locked account).
     */
    @Transactional
    boolean reserve(long accountId, String email) {
        // Read first without the lock: once the checks are all taken, a burst is refused without queueing on the row.
        if (checksTaken(accountId) >= maxFailures) {
            return false;
        }
        // Under the row lock, a lock set meanwhile by the last allowed failure is seen (the count restarts after it).
        Boolean lockedNow = jdbc.query("select locked_until > ? from account where id = ? for update",
                rs -> rs.next() && rs.getBoolean(1), Timestamp.from(clock.instant()), accountId);
        if (Boolean.TRUE.equals(lockedNow) || checksTaken(accountId) >= maxFailures) {
            return false;
        }
        jdbc.update("insert into login_attempt (account_id, email, outcome, occurred_at) values (?, ?, 'PENDING', ?)",
                accountId, truncate(email), Timestamp.from(clock.instant()));
        return true;
    }

    private int checksTaken(long accountId) {
        Integer taken = jdbc.queryForObject("""
                select count(*) from login_attempt
                where account_id = ? and outcome in ('FAILURE', 'PENDING') and occurred_at > ?
                  and occurred_at > coalesce((select max(occurred_at) from login_attempt
                                              where account_id = ? and outcome in ('SUCCESS', 'LOCKED')), '-infinity')""",
                Integer.class, accountId, Timestamp.from(clock.instant().minus(window)), accountId);
        return taken == null ? 0 : taken;
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof ParticipeUser user) {
            record(user.accountId(), user.email(), "SUCCESS", event.getAuthentication());
        }
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String email = email(event.getAuthentication());
        Long accountId = jdbc.query("select id from account where email = ? for update", rs -> rs.next() ? rs.getLong(1) : null, email);
        record(accountId, email, "FAILURE", event.getAuthentication());
        if (accountId == null) {
            return;
        }
        Instant now = clock.instant();
        Integer failures = jdbc.queryForObject("""
                select count(*) from login_attempt
                where account_id = ? and outcome = 'FAILURE' and occurred_at > ?
                  and occurred_at > coalesce((select max(occurred_at) from login_attempt
                                              where account_id = ? and outcome in ('SUCCESS', 'LOCKED')), '-infinity')""",
                Integer.class, accountId, Timestamp.from(now.minus(window)), accountId);
        if (failures != null && failures >= maxFailures) {
            jdbc.update("update account set locked_until = ? where id = ?", Timestamp.from(now.plus(lockDuration)), accountId);
            record(accountId, email, "LOCKED", event.getAuthentication());
            log.warn("Account {} locked for {} after {} failed sign-ins", accountId, lockDuration, failures);
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String email = email(event.getAuthentication());
        Long accountId = jdbc.query("select id from account where email = ?", rs -> rs.next() ? rs.getLong(1) : null, email);
        record(accountId, email, "REFUSED", event.getAuthentication());
    }

    /** A checked password's outcome takes the place of a reservation (the account's oldest one still pending). */
    private void record(Long accountId, String email, String outcome, Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        boolean passwordChecked = "SUCCESS".equals(outcome) || "FAILURE".equals(outcome);
        if (accountId != null && passwordChecked && jdbc.update("""
                        update login_attempt set outcome = ?, client_ip = ?, occurred_at = ?
                        where id = (select id from login_attempt where account_id = ? and outcome = 'PENDING' order by id limit 1
                                    for update skip locked)""",
                outcome, address, Timestamp.from(clock.instant()), accountId) == 1) {
            return;
        }
        jdbc.update("insert into login_attempt (account_id, email, outcome, client_ip, occurred_at) values (?, ?, ?, ?, ?)",
                accountId, truncate(email), outcome, address, Timestamp.from(clock.instant()));
    }

    private static String email(Authentication authentication) {
        Object name = authentication.getPrincipal() instanceof ParticipeUser user ? user.email() : authentication.getName();
        return name == null ? "" : name.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String email) {
        return email.length() > 254 ? email.substring(0, 254) : email;
    }
}
