package org.participe.security;

import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.auth.AccessCheckDecisionResolver;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.spring.security.SpringNavigationAccessControl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Vaadin's navigation access control, reading the roles straight from the signed-in
 * authentication. Vaadin's own version looks its role-prefix holder up on every navigation, and
 * that lookup scans the application's service files each time: 12 % of a page's server time under
 * load (docs/BENCHMARKS.md). The decisions are the same: a view's roles are checked against the
 * authorities, which all carry Spring's {@code ROLE_} prefix ({@link ParticipeUser}).
 */
class RolesFromAuthentication extends SpringNavigationAccessControl {

    static final String ROLE_PREFIX = "ROLE_";

    RolesFromAuthentication(List<NavigationAccessChecker> checkers, AccessCheckDecisionResolver decisionResolver) {
        super(checkers, decisionResolver);
    }

    @Override
    protected Predicate<String> getRolesChecker(VaadinRequest request) {
        return rolesOf(getPrincipal(request));
    }

    static Predicate<String> rolesOf(Principal principal) {
        if (!(principal instanceof Authentication authentication) || !authentication.isAuthenticated()) {
            return role -> false;
        }
        Set<String> authorities = authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .collect(Collectors.toUnmodifiableSet());
        return role -> role != null && authorities.contains(ROLE_PREFIX + role);
    }
}
