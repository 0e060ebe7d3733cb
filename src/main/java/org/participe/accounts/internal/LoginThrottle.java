package org.participe.accounts.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
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
 * Records every sign-in attempt and decides, before a password is checked, whether it may be.
 * Slowing the client down is preferred to locking the account, so that nobody can lock the mayor
 * out by typing wrong passwords on purpose. Within a window (15 minutes by default):
 * <ol>
 * <li>a client network (an IPv4 address, an IPv6 /64) that failed {@code perNetwork} times, on
 *     any accounts, known or not, is refused without a password check (no Argon2 work);</li>
 * <li>a network that failed {@code maxFailures} times on one account is refused for that account
 *     (until a success from there), while other networks go on;</li>
 * <li>when all networks together failed {@code overall} times (password spraying from many
 *     addresses), networks that never signed in successfully are refused: the town's usual
 *     visitors still get in, and the Argon2 work stays bounded;</li>
 * <li>as a last resort against guessing from many networks, an account that failed
 *     {@code lockFailures} times is locked for a while, but only against networks that never
 *     signed into it: its owner, from home or the town hall, still signs in.</li>
 * </ol>
 * A password is checked only after {@link #reserve reserving} the attempt (a {@code PENDING} row,
 * written under the network's advisory lock and the account's row lock, counted with the
 * failures): without it, a burst of parallel attempts all passed the tests before the first
 * failure was recorded. The outcome then takes the reservation's place.
 */
@Component
class LoginThrottle {

    /** What {@link #reserve} decided for one attempt. */
    enum Verdict {
        /** The password is checked (a reservation was written). */
        CHECK,
        /** Refused at once: the client's network is over one of its limits. */
        SLOW_DOWN,
        /** Refused: the account is locked against this network (the refusal still costs a hash, as a check would). */
        ACCOUNT_LOCKED
    }

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final String COUNTED = "outcome in ('FAILURE', 'PENDING')";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final int maxFailures;
    private final int perNetwork;
    private final int overall;
    private final int lockFailures;
    private final Duration window;
    private final Duration lockDuration;

    LoginThrottle(JdbcTemplate jdbc, Clock clock,
                  @Value("${participe.accounts.login-max-failures}") int maxFailures,
                  @Value("${participe.accounts.login-failures-per-address}") int perNetwork,
                  @Value("${participe.accounts.login-failures-overall}") int overall,
                  @Value("${participe.accounts.login-lock-failures}") int lockFailures,
                  @Value("${participe.accounts.login-window}") Duration window,
                  @Value("${participe.accounts.login-lock}") Duration lockDuration) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.perNetwork = perNetwork;
        this.overall = overall;
        this.lockFailures = lockFailures;
        this.window = window;
        this.lockDuration = lockDuration;
    }

    /**
     * Decides whether the password of this attempt may be checked, and if so reserves the check.
     *
     * @param accountId the account signed into, or null for an address without an account
     */
    @Transactional
    Verdict reserve(Long accountId, String email, String clientAddress) {
        String network = ClientNetwork.of(clientAddress);
        // Read first without locks: a burst beyond the limits is refused without queueing.
        Verdict early = verdict(accountId, network);
        if (early != Verdict.CHECK) {
            return early;
        }
        // Under the network's lock and the account's row lock, checks reserved meanwhile are seen.
        jdbc.query("select pg_advisory_xact_lock(hashtext(?))", rs -> { }, "login:" + network);
        if (accountId != null) {
            jdbc.query("select id from account where id = ? for update", rs -> { }, accountId);
        }
        Verdict verdict = verdict(accountId, network);
        if (verdict == Verdict.CHECK) {
            jdbc.update("insert into login_attempt (account_id, email, outcome, client_ip, client_net, occurred_at) values (?, ?, 'PENDING', ?, ?, ?)",
                    accountId, truncate(email), truncateAddress(clientAddress), network, now());
        }
        return verdict;
    }

    private Verdict verdict(Long accountId, String network) {
        Timestamp since = Timestamp.from(clock.instant().minus(window));
        if (count("client_net = ? and " + COUNTED + " and occurred_at > ?", network, since) >= perNetwork) {
            return Verdict.SLOW_DOWN;
        }
        if (count(COUNTED + " and occurred_at > ?", since) >= overall && !signedInFrom(network, null)) {
            return Verdict.SLOW_DOWN;
        }
        if (accountId == null) {
            return Verdict.CHECK;
        }
        if (count("""
                account_id = ? and client_net = ? and %s and occurred_at > ?
                  and occurred_at > coalesce((select max(occurred_at) from login_attempt
                                              where account_id = ? and client_net = ? and outcome = 'SUCCESS'), '-infinity')""".formatted(COUNTED),
                accountId, network, since, accountId, network) >= maxFailures) {
            return Verdict.SLOW_DOWN;
        }
        boolean locked = Boolean.TRUE.equals(jdbc.query("select locked_until > ? from account where id = ?",
                rs -> rs.next() && rs.getBoolean(1), now(), accountId));
        if ((locked || accountChecks(accountId, since) >= lockFailures) && !signedInFrom(network, accountId)) {
            return Verdict.ACCOUNT_LOCKED;
        }
        return Verdict.CHECK;
    }

    /** Failures and checks under way on the account since its last success or lock, within the window. */
    private int accountChecks(long accountId, Timestamp since) {
        return count("""
                account_id = ? and %s and occurred_at > ?
                  and occurred_at > coalesce((select max(occurred_at) from login_attempt
                                              where account_id = ? and outcome in ('SUCCESS', 'LOCKED')), '-infinity')""".formatted(COUNTED),
                accountId, since, accountId);
    }

    /** Whether someone signed in from this network (into this account, when one is given) within the login history kept. */
    private boolean signedInFrom(String network, Long accountId) {
        if (ClientNetwork.UNKNOWN.equals(network)) {
            return false;
        }
        return Boolean.TRUE.equals(accountId == null
                ? jdbc.queryForObject("select exists (select 1 from login_attempt where client_net = ? and outcome = 'SUCCESS')",
                        Boolean.class, network)
                : jdbc.queryForObject("select exists (select 1 from login_attempt where client_net = ? and account_id = ? and outcome = 'SUCCESS')",
                        Boolean.class, network, accountId));
    }

    private int count(String condition, Object... arguments) {
        Integer count = jdbc.queryForObject("select count(*) from login_attempt where " + condition, Integer.class, arguments);
        return count == null ? 0 : count;
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
        int failures = accountChecks(accountId, Timestamp.from(clock.instant().minus(window)));
        if (failures >= lockFailures) {
            jdbc.update("update account set locked_until = ? where id = ?", Timestamp.from(clock.instant().plus(lockDuration)), accountId);
            record(accountId, email, "LOCKED", event.getAuthentication());
            log.warn("Account {} locked for {} against networks that never signed into it, after {} failed sign-ins", accountId,
                    lockDuration, failures);
        }
    }

    @EventListener
    @Transactional
    public void onLocked(AuthenticationFailureLockedEvent event) {
        String email = email(event.getAuthentication());
        Long accountId = jdbc.query("select id from account where email = ?", rs -> rs.next() ? rs.getLong(1) : null, email);
        record(accountId, email, "REFUSED", event.getAuthentication());
    }

    /** A checked password's outcome takes the place of its reservation (the oldest one still pending for this address and network). */
    private void record(Long accountId, String email, String outcome, Authentication authentication) {
        String address = authentication.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        String network = address == null ? null : ClientNetwork.of(address);
        boolean passwordChecked = "SUCCESS".equals(outcome) || "FAILURE".equals(outcome);
        if (passwordChecked && jdbc.update("""
                        update login_attempt set outcome = ?, account_id = ?, client_ip = ?, occurred_at = ?
                        where id = (select id from login_attempt where email = ? and client_net is not distinct from ? and outcome = 'PENDING'
                                    order by id limit 1 for update skip locked)""",
                outcome, accountId, truncateAddress(address), now(), truncate(email), network) == 1) {
            return;
        }
        jdbc.update("insert into login_attempt (account_id, email, outcome, client_ip, client_net, occurred_at) values (?, ?, ?, ?, ?, ?)",
                accountId, truncate(email), outcome, truncateAddress(address), network, now());
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static String email(Authentication authentication) {
        Object name = authentication.getPrincipal() instanceof ParticipeUser user ? user.email() : authentication.getName();
        return name == null ? "" : name.toString().strip().toLowerCase(Locale.ROOT);
    }

    private static String truncate(String email) {
        return email.length() > 254 ? email.substring(0, 254) : email;
    }

    private static String truncateAddress(String address) {
        return address == null || address.length() <= 45 ? address : address.substring(0, 45);
    }
}
