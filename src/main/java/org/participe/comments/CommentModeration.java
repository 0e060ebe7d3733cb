package org.participe.comments;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.participe.base.content.ContentKind;
import org.participe.comments.internal.CommentStore;
import org.participe.moderation.ContentSummary;
import org.participe.moderation.ModeratedContent;
import org.participe.moderation.ModerationReason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Comments as the moderation feature sees them; the pages showing them refresh when one is hidden or shown. */
@Component
class CommentModeration implements ModeratedContent {

    private final CommentStore store;
    private final ApplicationEventPublisher events;

    CommentModeration(CommentStore store, ApplicationEventPublisher events) {
        this.store = store;
        this.events = events;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.COMMENT;
    }

    @Override
    public Map<Long, ContentSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.summaries(ids);
    }

    @Override
    public long countBy(long accountId) {
        return store.countBy(accountId);
    }

    @Override
    public void setHidden(Collection<Long> ids, ModerationReason reason) {
        if (ids.isEmpty()) {
            return;
        }
        boolean hidden = reason != null;
        store.setHidden(ids, hidden ? reason.name() : null)
                .forEach(row -> {
                    events.publishEvent(new CommentEvents.CommentEdited(row.target(), row.id()));
                    if (row.changed()) {
                        events.publishEvent(new CommentEvents.CommentVisibilityChanged(row.target(), row.id(), hidden));
                    }
                });
    }

    @Override
    public List<Item> hideAllBy(long authorId) {
        List<Item> visible = store.lockVisibleBy(authorId).stream().map(row -> new Item(row.id(), row.createdAt())).toList();
        setHidden(visible.stream().map(Item::id).toList(), ModerationReason.AUTHOR_BLOCKED);
        return visible;
    }
}
