package org.participe.moderation.ui;

import org.participe.base.MenuBadge;
import org.participe.moderation.ModerationService;
import org.springframework.stereotype.Component;

/** The navigation shows officials how many items need them now (the layout asks only those who may open the inbox). */
@Component
class InboxBadge implements MenuBadge {

    private final ModerationService moderation;

    InboxBadge(ModerationService moderation) {
        this.moderation = moderation;
    }

    @Override
    public String path() {
        return "moderation";
    }

    @Override
    public long count() {
        return moderation.needingAction();
    }
}
