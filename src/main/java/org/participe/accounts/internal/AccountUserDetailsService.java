package org.participe.accounts.internal;

import java.time.Clock;
import java.util.Locale;

import org.participe.security.ParticipeUser;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the person signing in; a temporarily locked account is refused before its password is checked. */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;
    private final Clock clock;

    AccountUserDetailsService(AccountRepository accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        String email = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        AccountEntity account = accounts.findByEmail(email)
                .filter(found -> found.getDeletedAt() == null)
                .orElseThrow(() -> new UsernameNotFoundException("No account"));
        boolean locked = account.getLockedUntil() != null && account.getLockedUntil().isAfter(clock.instant());
        return new ParticipeUser(account.getId(), account.getEmail(), account.getDisplayName(), account.getPasswordHash(),
                account.isConfirmed(), locked, account.getBlockedAt() != null, account.getRoles());
    }
}
