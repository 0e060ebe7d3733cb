package org.participe.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is acting now, for services and views alike. */
@Component
public class CurrentUser {

    public Optional<ParticipeUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof ParticipeUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public ParticipeUser require() {
        return get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
    }

    public boolean hasRole(String role) {
        return get().map(user -> user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_" + role))).orElse(false);
    }
}
