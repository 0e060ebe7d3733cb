package org.participe.security;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.participe.base.DisplayNamed;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the security layer knows them. Roles become authorities only once the
 * e-mail is confirmed: until then the account holds {@link Roles#UNCONFIRMED} alone.
 */
public final class ParticipeUser implements UserDetails, CredentialsContainer, DisplayNamed {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long accountId;
    private final String email;
    private final String displayName;
    private final boolean confirmed;
    private final boolean locked;
    private final boolean blocked;
    private final Set<String> roles;
    private String passwordHash;

    public ParticipeUser(long accountId, String email, String displayName, String passwordHash,
                         boolean confirmed, boolean locked, Set<String> roles) {
        this(accountId, email, displayName, passwordHash, confirmed, locked, false, roles);
    }

    public ParticipeUser(long accountId, String email, String displayName, String passwordHash,
                         boolean confirmed, boolean locked, boolean blocked, Set<String> roles) {
        this.accountId = accountId;
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.confirmed = confirmed;
        this.locked = locked;
        this.blocked = blocked;
        this.roles = Set.copyOf(roles);
    }

    public long accountId() {
        return accountId;
    }

    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public boolean confirmed() {
        return confirmed;
    }

    /** Blocked by an official: signed in, reading, but no longer participating. */
    public boolean blocked() {
        return blocked;
    }

    public Set<String> roles() {
        return roles;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        if (!confirmed) {
            return Set.of(new SimpleGrantedAuthority("ROLE_" + Roles.UNCONFIRMED));
        }
        if (blocked) {
            return Stream.concat(roles.stream().filter(role -> !Roles.RESIDENT.equals(role)), Stream.of(Roles.BLOCKED))
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role)).collect(Collectors.toUnmodifiableSet());
        }
        return roles.stream().map(role -> new SimpleGrantedAuthority("ROLE_" + role)).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParticipeUser user && user.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }
}
