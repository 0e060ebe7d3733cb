package org.participe.comments;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.participe.moderation.ContentRef;
import org.participe.moderation.ContentSummary;
import org.participe.moderation.ModeratedContent;
import org.participe.moderation.ModerationReason;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Comments as the moderation feature sees them; the pages showing them refresh when one is hidden or shown. */
@Component
class CommentModeration implements ModeratedContent {

    private final JdbcClient jdbc;
    private final Map<String, CommentTarget> targets;
    private final ApplicationEventPublisher events;

    CommentModeration(JdbcClient jdbc, List<CommentTarget> targets, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.targets = targets.stream().collect(Collectors.toMap(CommentTarget::type, target -> target));
        this.events = events;
    }

    @Override
    public String type() {
        return ContentRef.COMMENT;
    }

    @Override
    public Map<Long, ContentSummary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, body, author_id, created_at, deleted_at is not null, target_type, target_id from comment where id in (:ids)")
                .param("ids", ids)
                .query((rs, n) -> Map.entry(rs.getLong(1), new ContentSummary(null, rs.getString(2), rs.getLong(3),
                        path(rs.getString(6), rs.getLong(7)), rs.getTimestamp(4).toInstant(), rs.getBoolean(5))))
                .list().stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Override
    public long countBy(long accountId) {
        return jdbc.sql("select count(*) from comment where author_id = ?").param(accountId).query(Long.class).single();
    }

    @Override
    public void setHidden(Collection<Long> ids, ModerationReason reason) {
        if (ids.isEmpty()) {
            return;
        }
        boolean hidden = reason != null;
        jdbc.sql("""
                        with before as (select id, hidden as was from comment where id in (:ids) for update)
                        update comment c set hidden = :hidden, hidden_reason = :reason, version = c.version + 1
                        from before b where c.id = b.id
                        returning c.target_type, c.target_id, c.id, c.deleted_at is null and b.was <> :hidden""")
                .param("hidden", hidden).param("reason", hidden ? reason.name() : null).param("ids", ids)
                .query((rs, n) -> new Object[]{rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBoolean(4)}).list()
                .forEach(row -> {
                    events.publishEvent(new CommentEvents.CommentEdited((String) row[0], (long) row[1], (long) row[2]));
                    if ((boolean) row[3]) {
                        events.publishEvent(new CommentEvents.CommentVisibilityChanged((String) row[0], (long) row[1], (long) row[2], hidden));
                    }
                });
    }

    @Override
    public List<Item> hideAllBy(long authorId) {
        List<Item> visible = jdbc.sql("select id, created_at from comment where author_id = ? and not hidden and deleted_at is null for update")
                .param(authorId).query((rs, n) -> new Item(rs.getLong(1), rs.getTimestamp(2).toInstant())).list();
        setHidden(visible.stream().map(Item::id).toList(), ModerationReason.AUTHOR_BLOCKED);
        return visible;
    }

    private String path(String targetType, long targetId) {
        CommentTarget target = targets.get(targetType);
        return target == null ? null : target.path(targetId);
    }
}
