package org.participe.comments;

/**
 * Who may do what on a comment, from the viewer's roles and the comment's state. Plain rules,
 * tested alone (CommentPermissionsTest).
 */
final class CommentPermissions {

    private CommentPermissions() {
    }

    /**
     * @param resident     whether the viewer is a confirmed, unblocked resident
     * @param official     whether the viewer is an official
     * @param mine         whether the viewer wrote the comment
     * @param inEditWindow whether the comment is younger than the edit window
     */
    static CommentCapabilities of(boolean resident, boolean official, boolean mine, boolean deleted, boolean hidden,
                                  boolean inEditWindow) {
        return new CommentCapabilities(
                mine && !deleted && !hidden && inEditWindow,
                mine && !deleted,
                resident && !mine && !deleted && !hidden,
                official && !deleted);
    }
}
