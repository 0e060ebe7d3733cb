package org.participe.moderation;

import java.util.Collection;
import java.util.Set;

import org.participe.base.content.ContentKey;
import org.participe.moderation.internal.ModerationItems;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which content is hidden from the public now, for work that runs without a signed-in person and
 * must not repeat hidden content (the daily digest). One statement per kind of content asked about.
 */
@Component
@Transactional(readOnly = true)
public class HiddenContent {

    private final ModerationItems items;

    HiddenContent(ModerationItems items) {
        this.items = items;
    }

    public Set<ContentKey> among(Collection<ContentKey> refs) {
        return items.hiddenAmong(refs);
    }
}
