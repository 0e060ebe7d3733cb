package org.participe.comments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Who may do what on a comment: plain rules, no Spring. */
class CommentPermissionsTest {

    private static final boolean RESIDENT = true;
    private static final boolean OFFICIAL = true;

    @Test
    void itsAuthorEditsWithinTheWindowAndDeletesUntilDeleted() {
        CommentCapabilities fresh = CommentPermissions.of(RESIDENT, false, true, false, false, true);
        assertThat(fresh.edit()).isTrue();
        assertThat(fresh.delete()).isTrue();
        assertThat(CommentPermissions.of(RESIDENT, false, true, false, false, false).edit()).as("after the window").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, true, false, false, false).delete()).as("after the window").isTrue();
        assertThat(CommentPermissions.of(RESIDENT, false, true, false, true, true).edit()).as("hidden").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, true, true, false, true).delete()).as("deleted").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, false, false, false, true).edit()).as("someone else's").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, false, false, false, true).delete()).as("someone else's").isFalse();
    }

    @Test
    void residentsFlagOthersVisibleCommentsOnly() {
        assertThat(CommentPermissions.of(RESIDENT, false, false, false, false, true).flag()).isTrue();
        assertThat(CommentPermissions.of(RESIDENT, false, true, false, false, true).flag()).as("own").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, false, false, true, true).flag()).as("hidden").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, false, true, false, true).flag()).as("deleted").isFalse();
        assertThat(CommentPermissions.of(false, false, false, false, false, true).flag()).as("visitor, unconfirmed or blocked").isFalse();
    }

    @Test
    void officialsHideOrRestoreAnyCommentNotDeleted() {
        assertThat(CommentPermissions.of(false, OFFICIAL, false, false, false, true).moderate()).isTrue();
        assertThat(CommentPermissions.of(false, OFFICIAL, false, false, true, true).moderate()).as("hidden: to restore").isTrue();
        assertThat(CommentPermissions.of(false, OFFICIAL, false, true, false, true).moderate()).as("deleted").isFalse();
        assertThat(CommentPermissions.of(RESIDENT, false, false, false, false, true).moderate()).as("resident").isFalse();
    }
}
