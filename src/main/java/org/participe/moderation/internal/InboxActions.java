package org.participe.moderation.internal;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import org.participe.moderation.InboxAction;
import org.participe.moderation.InboxTab;

/**
 * What officials may do on an item of each tab: approve what waits, dismiss flags on what is still
 * visible, restore or confirm what is hidden, assign what awaits an answer; hide anything still
 * public, and block any author.
 */
public final class InboxActions {

    private InboxActions() {
    }

    public static Set<InboxAction> in(InboxTab tab) {
        Set<InboxAction> actions = EnumSet.of(InboxAction.BLOCK_AUTHOR);
        switch (tab) {
            case PENDING -> actions.addAll(Set.of(InboxAction.APPROVE, InboxAction.HIDE));
            case FLAGGED -> actions.addAll(Set.of(InboxAction.DISMISS_FLAGS, InboxAction.HIDE));
            case AUTO_HIDDEN -> actions.addAll(Set.of(InboxAction.RESTORE, InboxAction.CONFIRM_HIDE));
            case HIDDEN -> actions.add(InboxAction.RESTORE);
            case AWAITING_ANSWER, OVERDUE -> actions.addAll(Set.of(InboxAction.HIDE, InboxAction.ASSIGN));
        }
        return Collections.unmodifiableSet(actions);
    }
}
