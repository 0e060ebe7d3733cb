package org.participe.ideas;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.participe.moderation.ContentRef;
import org.participe.moderation.ContentSummary;
import org.participe.moderation.ModeratedContent;
import org.participe.moderation.ModerationReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Ideas as the moderation feature sees them. */
@Component
class IdeaModeration implements ModeratedContent {

    private final JdbcClient jdbc;
    private final IdeaService ideas;

    IdeaModeration(JdbcClient jdbc, IdeaService ideas) {
        this.jdbc = jdbc;
        this.ideas = ideas;
    }

    @Override
    public String type() {
        return ContentRef.IDEA;
    }

    @Override
    public Map<Long, ContentSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, title, left(description, 600), author_id, created_at from idea where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new ContentSummary(rs.getString(2), rs.getString(3), rs.getLong(4),
                        "ideas/" + rs.getLong(1), rs.getTimestamp(5).toInstant(), false)))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public long countBy(long accountId) {
        return jdbc.sql("select count(*) from idea where author_id = ? and status <> 'PENDING'").param(accountId).query(Long.class).single();
    }

    @Override
    public int supportCount(long id) {
        return jdbc.sql("select support_count from idea_counts where idea_id = ?").param(id).query(Integer.class).optional().orElse(0);
    }

    @Override
    public void setHidden(Collection<Long> ids, ModerationReason reason) {
        if (!ids.isEmpty()) {
            ideas.setHidden(ids, reason == null ? null : reason.name());
        }
    }

    @Override
    public List<Item> hideAllBy(long authorId) {
        List<Item> hidden = jdbc.sql("select id, created_at from idea where author_id = ? and not hidden for update")
                .param(authorId).query((rs, n) -> new Item(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        if (!hidden.isEmpty()) {
            ideas.setHidden(hidden.stream().map(Item::id).toList(), ModerationReason.AUTHOR_BLOCKED.name());
        }
        return hidden;
    }

    @Override
    public void lock(long id) {
        jdbc.sql("select id from idea where id = ? for update").param(id).query(Long.class).optional();
    }

    @Override
    public void approve(long id) {
        ideas.approve(id);
    }
}
