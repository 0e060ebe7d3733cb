package org.participe.ideas;

import org.participe.security.Roles;

/**
 * Who may do what on an idea, from the viewer's roles and the idea's state: the capabilities its
 * page shows. Plain rules, tested alone (IdeaPermissionsTest).
 */
final class IdeaPermissions {

    private IdeaPermissions() {
    }

    /** Whether the viewer takes part at all: residents do; visitors, unconfirmed and blocked accounts are told why not. */
    static Participation participation(Viewer viewer) {
        if (!viewer.signedIn()) {
            return Participation.SIGN_IN;
        }
        if (viewer.has(Roles.RESIDENT)) {
            return Participation.ALLOWED;
        }
        if (viewer.has(Roles.BLOCKED)) {
            return Participation.BLOCKED;
        }
        return viewer.has(Roles.UNCONFIRMED) ? Participation.CONFIRM_EMAIL : Participation.READ_ONLY;
    }

    /**
     * @param mine     whether the viewer wrote the idea
     * @param editable whether its author may still correct it (see {@link EditWindow})
     */
    static IdeaCapabilities of(Viewer viewer, IdeaStatus status, boolean hidden, boolean mine, boolean editable) {
        Participation participation = participation(viewer);
        boolean official = viewer.has(Roles.OFFICIAL);
        return new IdeaCapabilities(
                status.isOpenToSupport() && !hidden ? participation : Participation.CLOSED,
                status.isOpenToComments() && !hidden ? participation : Participation.CLOSED,
                mine && editable,
                mine && status != IdeaStatus.WITHDRAWN && status != IdeaStatus.DONE,
                viewer.has(Roles.RESIDENT) || official || viewer.has(Roles.STAFF) || viewer.has(Roles.ADMIN),
                viewer.has(Roles.RESIDENT) && !mine && !hidden,
                official,
                official && status == IdeaStatus.PENDING,
                official && AnswerPolicy.isAnswerable(status));
    }
}
