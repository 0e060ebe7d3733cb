package org.participe.ideas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.participe.security.Roles;

/** Who may do what on an idea: plain rules, no Spring. */
class IdeaPermissionsTest {

    private static IdeaCapabilities can(Viewer viewer, IdeaStatus status) {
        return IdeaPermissions.of(viewer, status, false, false, false);
    }

    @Test
    void eachViewerIsToldWhyTheyMayNotTakePart() {
        assertThat(IdeaPermissions.participation(Viewer.VISITOR)).isEqualTo(Participation.SIGN_IN);
        assertThat(IdeaPermissions.participation(Viewer.withRoles(Roles.RESIDENT))).isEqualTo(Participation.ALLOWED);
        assertThat(IdeaPermissions.participation(Viewer.withRoles(Roles.BLOCKED))).isEqualTo(Participation.BLOCKED);
        assertThat(IdeaPermissions.participation(Viewer.withRoles(Roles.UNCONFIRMED))).isEqualTo(Participation.CONFIRM_EMAIL);
        assertThat(IdeaPermissions.participation(Viewer.withRoles(Roles.STAFF))).isEqualTo(Participation.READ_ONLY);
        assertThat(IdeaPermissions.participation(Viewer.withRoles(Roles.OFFICIAL, Roles.RESIDENT))).isEqualTo(Participation.ALLOWED);
    }

    @Test
    void supportsAreOpenWhilePublishedOrUnderReviewAndNotHidden() {
        Viewer resident = Viewer.withRoles(Roles.RESIDENT);
        assertThat(can(resident, IdeaStatus.PUBLISHED).support()).isEqualTo(Participation.ALLOWED);
        assertThat(can(resident, IdeaStatus.UNDER_REVIEW).support()).isEqualTo(Participation.ALLOWED);
        for (IdeaStatus closed : new IdeaStatus[]{IdeaStatus.ACCEPTED, IdeaStatus.REJECTED, IdeaStatus.IN_PROGRESS, IdeaStatus.DONE, IdeaStatus.WITHDRAWN}) {
            assertThat(can(resident, closed).support()).as(closed.name()).isEqualTo(Participation.CLOSED);
        }
        assertThat(IdeaPermissions.of(resident, IdeaStatus.PUBLISHED, true, false, false).support()).as("hidden").isEqualTo(Participation.CLOSED);
        assertThat(can(Viewer.VISITOR, IdeaStatus.PUBLISHED).support()).isEqualTo(Participation.SIGN_IN);
    }

    @Test
    void commentsStayOpenAfterAnAnswerButNotOnAWithdrawnPendingOrHiddenIdea() {
        Viewer resident = Viewer.withRoles(Roles.RESIDENT);
        assertThat(can(resident, IdeaStatus.ACCEPTED).comment()).isEqualTo(Participation.ALLOWED);
        assertThat(can(resident, IdeaStatus.WITHDRAWN).comment()).isEqualTo(Participation.CLOSED);
        assertThat(can(resident, IdeaStatus.PENDING).comment()).isEqualTo(Participation.CLOSED);
        assertThat(IdeaPermissions.of(resident, IdeaStatus.PUBLISHED, true, false, false).comment()).isEqualTo(Participation.CLOSED);
        assertThat(can(Viewer.withRoles(Roles.STAFF), IdeaStatus.PUBLISHED).comment()).isEqualTo(Participation.READ_ONLY);
    }

    @Test
    void theAuthorEditsWithinTheWindowAndWithdrawsUntilDone() {
        Viewer author = Viewer.withRoles(Roles.RESIDENT);
        assertThat(IdeaPermissions.of(author, IdeaStatus.PUBLISHED, false, true, true).edit()).isTrue();
        assertThat(IdeaPermissions.of(author, IdeaStatus.PUBLISHED, false, true, false).edit()).isFalse();
        assertThat(IdeaPermissions.of(author, IdeaStatus.PUBLISHED, false, false, true).edit()).as("not the author").isFalse();
        assertThat(IdeaPermissions.of(author, IdeaStatus.ACCEPTED, false, true, false).withdraw()).isTrue();
        assertThat(IdeaPermissions.of(author, IdeaStatus.DONE, false, true, false).withdraw()).isFalse();
        assertThat(IdeaPermissions.of(author, IdeaStatus.WITHDRAWN, false, true, false).withdraw()).isFalse();
        assertThat(IdeaPermissions.of(author, IdeaStatus.PUBLISHED, false, false, false).withdraw()).as("not the author").isFalse();
    }

    @Test
    void residentsFlagOthersVisibleIdeasAndParticipantsFollow() {
        Viewer resident = Viewer.withRoles(Roles.RESIDENT);
        assertThat(can(resident, IdeaStatus.PUBLISHED).flag()).isTrue();
        assertThat(IdeaPermissions.of(resident, IdeaStatus.PUBLISHED, false, true, false).flag()).as("their own").isFalse();
        assertThat(IdeaPermissions.of(resident, IdeaStatus.PUBLISHED, true, false, false).flag()).as("hidden").isFalse();
        assertThat(can(Viewer.withRoles(Roles.OFFICIAL), IdeaStatus.PUBLISHED).flag()).isFalse();
        assertThat(can(Viewer.VISITOR, IdeaStatus.PUBLISHED).follow()).isFalse();
        assertThat(can(Viewer.withRoles(Roles.UNCONFIRMED), IdeaStatus.PUBLISHED).follow()).isFalse();
        assertThat(can(Viewer.withRoles(Roles.BLOCKED), IdeaStatus.PUBLISHED).follow()).isFalse();
        for (String role : new String[]{Roles.RESIDENT, Roles.OFFICIAL, Roles.STAFF, Roles.ADMIN}) {
            assertThat(can(Viewer.withRoles(role), IdeaStatus.PUBLISHED).follow()).as(role).isTrue();
        }
    }

    @Test
    void officialsModerateApprovePendingIdeasAndAnswerPublicOnes() {
        Viewer official = Viewer.withRoles(Roles.OFFICIAL);
        assertThat(can(official, IdeaStatus.PENDING).approve()).isTrue();
        assertThat(can(official, IdeaStatus.PUBLISHED).approve()).isFalse();
        assertThat(can(official, IdeaStatus.PENDING).answer()).isFalse();
        assertThat(can(official, IdeaStatus.WITHDRAWN).answer()).isFalse();
        assertThat(can(official, IdeaStatus.ACCEPTED).answer()).isTrue();
        assertThat(can(official, IdeaStatus.PUBLISHED).moderate()).isTrue();
        IdeaCapabilities resident = can(Viewer.withRoles(Roles.RESIDENT), IdeaStatus.PENDING);
        assertThat(resident.approve() || resident.answer() || resident.moderate()).isFalse();
    }
}
