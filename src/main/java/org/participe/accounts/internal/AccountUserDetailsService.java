package org.participe.accounts.internal;

import java.time.Clock;
import java.util.Locale;

import org.participe.security.ParticipeUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Loads the person signing in; a temporarily locked account is refused before its password is
 * checked, and so is an attempt beyond the failures still allowed while others are being checked.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    /** Where Vaadin's login form posts (Spring Security's form login, set up by the security configuration). */
    private static final String SIGN_IN_PATH = "/login";

    private final AccountRepository accounts;
    private final LoginThrottle throttle;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, LoginThrottle throttle, Clock clock) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Override
    @Transactional
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        AccountEntity account = accounts.findByEmail(email)
                .filter(found -> found.getDeletedAt() == null)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        boolean locked = account.getLockedUntil() != null && account.getLockedUntil().isAfter(clock.instant())
                || isSignInAttempt() && !throttle.reserve(account.getId(), email);
        return new ParticipeUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getPasswordHash(),
                account.isConfirmed(), locked, account.getBlockedAt() != null, account.getRoles());
    }

    /**
     * Whether the person is loaded to check a password typed on the sign-in form (the form's POST),
     * rather than reloaded for a session already signed in: only the former takes a reservation.
     */
    private static boolean isSignInAttempt() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        var request = attributes.getRequest();
        return "POST".equals(request.getMethod())
                && SIGN_IN_PATH.equals(request.getRequestURI().substring(request.getContextPath().length()));
    }
}
