package org.participe.ideas;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.ideas.internal.IdeaCountsStore;
import org.participe.ideas.internal.IdeaStore;
import org.participe.moderation.ContentSummary;
import org.participe.moderation.ModeratedContent;
import org.participe.moderation.ModerationReason;
import org.springframework.stereotype.Component;

/** Ideas as the moderation feature sees them. */
@Component
class IdeaModeration implements ModeratedContent {

    private final IdeaStore store;
    private final IdeaCountsStore counts;
    private final IdeaService ideas;

    IdeaModeration(IdeaStore store, IdeaCountsStore counts, IdeaService ideas) {
        this.store = store;
        this.counts = counts;
        this.ideas = ideas;
    }

    @Override
    public ContentKind kind() {
        return ContentKind.IDEA;
    }

    @Override
    public Map<Long, ContentSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return store.summaries(ids).stream().collect(Collectors.toMap(IdeaStore.Summary::id, idea -> new ContentSummary(idea.title(),
                idea.excerpt(), idea.authorId(), ContentKey.idea(idea.id()), idea.createdAt(), false)));
    }

    @Override
    public long countBy(long accountId) {
        return store.countPublishedBy(accountId);
    }

    @Override
    public int supportCount(long id) {
        return counts.supportCount(id);
    }

    @Override
    public void setHidden(Collection<Long> ids, ModerationReason reason) {
        if (!ids.isEmpty()) {
            ideas.setHidden(ids, reason == null ? null : reason.name());
        }
    }

    @Override
    public List<Item> hideAllBy(long authorId) {
        List<Item> hidden = store.lockShownBy(authorId).stream().map(idea -> new Item(idea.id(), idea.createdAt())).toList();
        if (!hidden.isEmpty()) {
            ideas.setHidden(hidden.stream().map(Item::id).toList(), ModerationReason.AUTHOR_BLOCKED.name());
        }
        return hidden;
    }

    @Override
    public void lock(long id) {
        store.lockRow(id);
    }

    @Override
    public void approve(long id) {
        ideas.approve(id);
    }
}
