package org.participe.accounts.internal;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.participe.security.ParticipeUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads the person signing in, after asking the {@link LoginThrottle} whether the password may be
 * checked at all. Every refusal looks the same from outside (one message, one redirect): an
 * attempt refused to slow a client down is turned away without a password check (no Argon2 work),
 * and one refused because the account is locked costs a hash, as does an address without an
 * account (Spring Security hashes a dummy password then), so that timing does not tell which
 * addresses have an account. A password hashed with former Argon2 parameters is hashed again
 * at sign-in.
 */
@Service
class AccountUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    /** Where Vaadin's login form posts (Spring Security's form login, set up by the security configuration). */
    private static final String SIGN_IN_PATH = "/login";
    /** Hashed when a locked account is refused, so that the refusal takes as long as a password check. */
    private static final String TIMING_EQUALISER = "a password that is never checked";

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final Clock clock;
    private final PasswordEncoder passwordEncoder;

    AccountUserDetailsService(AccountRepository accounts, LoginThrottle throttle, Clock clock, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clock = clock;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    @Transactional
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Optional<AccountEntity> found = accounts.findByEmail(email).filter(account -> account.getDeletedAt() == null);
        Optional<HttpServletRequest> signIn = signInAttempt();
        if (signIn.isEmpty()) {
            AccountEntity account = found.orElseThrow(() -> new UsernameNotFoundException("No account"));
            boolean locked = account.getLockedUntil() != null && account.getLockedUntil().isAfter(clock.instant());
            return user(account, locked);
        }
        LoginThrottle.Verdict verdict = throttle.reserve(found.map(AccountEntity::getId).orElse(null), email, signIn.get().getRemoteAddr());
        return switch (verdict) {
            // Refused before anything is looked at: the same refusal whether the address has an account or not.
            case SLOW_DOWN -> new ParticipeUser(0, email, "", "", true, true, Set.of());
            case ACCOUNT_LOCKED -> {
                passwordEncoder.encode(TIMING_EQUALISER);
                yield user(found.orElseThrow(), true);
            }
            case CHECK -> user(found.orElseThrow(() -> new UsernameNotFoundException("No account")), false);
        };
    }

    /**
     * Stores the hash Spring Security made again, with the current Argon2 parameters, of a password
     * that was just checked right: older hashes are upgraded as people sign in.
     */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        if (!(user instanceof ParticipeUser person)) {
            return user;
        }
        return accounts.findById(person.accountId()).map(account -> {
            account.setPasswordHash(newPasswordHash);
            return (UserDetails) user(account, false);
        }).orElse(user);
    }

    private static ParticipeUser user(AccountEntity account, boolean locked) {
        return new ParticipeUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getPasswordHash(),
                account.isConfirmed(), locked, account.getBlockedAt() != null, account.getRoles());
    }

    /**
     * Whether the person is loaded to check a password typed on the sign-in form (the form's POST),
     * rather than reloaded for a session already signed in: only the former takes a reservation.
     */
    private static Optional<HttpServletRequest> signInAttempt() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return Optional.empty();
        }
        HttpServletRequest request = attributes.getRequest();
        return "POST".equals(request.getMethod())
                && SIGN_IN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()))
                ? Optional.of(request) : Optional.empty();
    }
}
