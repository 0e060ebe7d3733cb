package org.participe.moderation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.participe.moderation.InboxAction;
import org.participe.moderation.InboxTab;

class InboxActionsTest {

    @Test
    void whatWaitsIsApprovedAndWhatIsFlaggedIsDismissedOrHidden() {
        assertThat(InboxActions.in(InboxTab.PENDING)).containsExactly(InboxAction.APPROVE, InboxAction.HIDE, InboxAction.BLOCK_AUTHOR);
        assertThat(InboxActions.in(InboxTab.FLAGGED)).containsExactly(InboxAction.DISMISS_FLAGS, InboxAction.HIDE, InboxAction.BLOCK_AUTHOR);
    }

    @Test
    void whatIsHiddenIsRestoredAndWhatFlagsHidWaitsForAnOfficialToConfirm() {
        assertThat(InboxActions.in(InboxTab.AUTO_HIDDEN)).containsExactly(InboxAction.RESTORE, InboxAction.CONFIRM_HIDE, InboxAction.BLOCK_AUTHOR);
        assertThat(InboxActions.in(InboxTab.HIDDEN)).containsExactly(InboxAction.RESTORE, InboxAction.BLOCK_AUTHOR);
    }

    @Test
    void whatAwaitsAnAnswerIsAssigned() {
        for (InboxTab tab : new InboxTab[] {InboxTab.AWAITING_ANSWER, InboxTab.OVERDUE}) {
            assertThat(InboxActions.in(tab)).containsExactly(InboxAction.HIDE, InboxAction.ASSIGN, InboxAction.BLOCK_AUTHOR);
        }
    }

    @Test
    void anyAuthorMayBeBlockedFromAnyTab() {
        for (InboxTab tab : InboxTab.values()) {
            assertThat(InboxActions.in(tab)).contains(InboxAction.BLOCK_AUTHOR);
        }
    }
}
