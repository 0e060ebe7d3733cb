package org.participe.ideas;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.participe.security.CurrentUser;
import org.participe.security.Roles;

/** Who looks at an idea, as the rules need it: signed in or not, and the roles they hold now. */
record Viewer(boolean signedIn, Set<String> roles) {

    static final Viewer VISITOR = new Viewer(false, Set.of());

    static Viewer of(CurrentUser currentUser) {
        if (currentUser.get().isEmpty()) {
            return VISITOR;
        }
        return new Viewer(true, Stream.of(Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF, Roles.ADMIN, Roles.BLOCKED, Roles.UNCONFIRMED)
                .filter(currentUser::hasRole).collect(Collectors.toUnmodifiableSet()));
    }

    static Viewer withRoles(String... roles) {
        return new Viewer(true, Set.of(roles));
    }

    boolean has(String role) {
        return roles.contains(role);
    }
}
