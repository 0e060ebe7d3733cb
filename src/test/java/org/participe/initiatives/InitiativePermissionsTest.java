package org.participe.initiatives;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.participe.security.Roles;

/** Who may see and do what on initiatives: plain rules, no Spring. */
class InitiativePermissionsTest {

    private static final boolean PUBLISHED = true;
    private static final boolean DRAFT = false;

    private static InitiativeCapabilities visitor() {
        return InitiativePermissions.of(false, Set.of(), PUBLISHED);
    }

    private static InitiativeCapabilities signedIn(boolean published, String... roles) {
        return InitiativePermissions.of(true, Set.of(roles), published);
    }

    @Test
    void residentsOfficialsAndStaffFollowVisitorsAreOfferedToSignIn() {
        for (String role : new String[]{Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF}) {
            assertThat(signedIn(PUBLISHED, role).follow()).as(role).isTrue();
            assertThat(signedIn(PUBLISHED, role).signInToFollow()).as(role).isFalse();
        }
        assertThat(visitor().follow()).isFalse();
        assertThat(visitor().signInToFollow()).isTrue();
        for (String role : new String[]{Roles.ADMIN, Roles.UNCONFIRMED, Roles.BLOCKED}) {
            assertThat(signedIn(PUBLISHED, role).follow()).as(role).isFalse();
            assertThat(signedIn(PUBLISHED, role).signInToFollow()).as("signed in already: " + role).isFalse();
        }
    }

    @Test
    void onlyStaffManageAndPublishOnlyDrafts() {
        InitiativeCapabilities draft = signedIn(DRAFT, Roles.STAFF);
        assertThat(draft.edit() && draft.publish() && draft.archive() && draft.postUpdate() && draft.changeCover() && draft.linkIdeas()).isTrue();
        assertThat(draft.manage()).isTrue();
        InitiativeCapabilities published = signedIn(PUBLISHED, Roles.STAFF);
        assertThat(published.publish()).as("published already").isFalse();
        assertThat(published.edit() && published.archive() && published.postUpdate() && published.changeCover() && published.linkIdeas()).isTrue();

        for (InitiativeCapabilities other : new InitiativeCapabilities[]{visitor(), signedIn(DRAFT, Roles.RESIDENT, Roles.OFFICIAL, Roles.ADMIN)}) {
            assertThat(other.edit() || other.publish() || other.archive() || other.postUpdate() || other.changeCover() || other.linkIdeas()).isFalse();
            assertThat(other.manage()).isFalse();
        }
    }

    @Test
    void staffAloneCreateAndSeeDraftsAndArchivedInitiatives() {
        assertThat(InitiativePermissions.mayCreate(Set.of(Roles.STAFF))).isTrue();
        assertThat(InitiativePermissions.seesUnpublished(Set.of(Roles.STAFF))).isTrue();
        for (Set<String> roles : List.of(Set.<String>of(), Set.of(Roles.RESIDENT), Set.of(Roles.OFFICIAL, Roles.ADMIN))) {
            assertThat(InitiativePermissions.mayCreate(roles)).as(roles.toString()).isFalse();
            assertThat(InitiativePermissions.seesUnpublished(roles)).as(roles.toString()).isFalse();
        }
    }
}
