package org.participe.initiatives;

import java.util.Set;

import org.participe.security.Roles;

/**
 * Who may see and do what on initiatives, from the viewer's roles (and, for publishing, the
 * initiative's state). Plain rules, tested alone (InitiativePermissionsTest).
 */
final class InitiativePermissions {

    private InitiativePermissions() {
    }

    /** Staff also see drafts and archived initiatives; everyone else the published ones not archived. */
    static boolean seesUnpublished(Set<String> roles) {
        return roles.contains(Roles.STAFF);
    }

    /** Staff write initiatives. */
    static boolean mayCreate(Set<String> roles) {
        return roles.contains(Roles.STAFF);
    }

    /**
     * @param signedIn  whether the viewer is signed in
     * @param roles     the viewer's roles now (none for a visitor)
     * @param published whether the initiative is published
     */
    static InitiativeCapabilities of(boolean signedIn, Set<String> roles, boolean published) {
        boolean staff = roles.contains(Roles.STAFF);
        boolean follow = roles.contains(Roles.RESIDENT) || staff || roles.contains(Roles.OFFICIAL);
        return new InitiativeCapabilities(follow, !signedIn, staff, staff && !published, staff, staff, staff, staff);
    }
}
