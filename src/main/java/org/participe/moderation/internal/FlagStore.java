package org.participe.moderation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.moderation.FlagView;
import org.participe.moderation.ModerationReason;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The {@code flag} table: residents' flags, one per person and item. */
@Component
public class FlagStore {

    private final JdbcClient jdbc;

    FlagStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return false when this person had flagged the item already */
    public boolean add(ContentKey ref, long accountId, ModerationReason reason, String note, Instant at, boolean countsTowardHide) {
        return jdbc.sql("""
                        insert into flag (content_type, content_id, account_id, reason, note, created_at, counts_toward_hide)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (content_type, content_id, account_id) do nothing""")
                .params(ref.kind().name(), ref.id(), accountId, reason.name(), note, Rows.timestamp(at), countsTowardHide).update() > 0;
    }

    /** The item's open flags from accounts that were trusted when they flagged. */
    public int countedOpen(ContentKey ref) {
        return jdbc.sql("select count(*) from flag where content_type = ? and content_id = ? and dismissed_at is null and counts_toward_hide")
                .params(ref.kind().name(), ref.id()).query(Integer.class).single();
    }

    /** Which of these items the account has flagged (one statement). */
    public Set<Long> flaggedBy(long accountId, ContentKind kind, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("select content_id from flag where account_id = :me and content_type = :type and content_id in (:ids)")
                .param("me", accountId).param("type", kind.name()).param("ids", ids).query(Long.class).list());
    }

    public List<FlagView> of(ContentKey ref) {
        return jdbc.sql("select reason, note, created_at, dismissed_at is not null from flag where content_type = ? and content_id = ? order by created_at, id")
                .params(ref.kind().name(), ref.id())
                .query((rs, n) -> new FlagView(ModerationReason.valueOf(rs.getString(1)), rs.getString(2), Rows.instant(rs, "created_at"),
                        rs.getBoolean(4)))
                .list();
    }

    /** @return how many open flags were dismissed */
    public int dismissOpen(ContentKey ref, Instant at) {
        return jdbc.sql("update flag set dismissed_at = ? where content_type = ? and content_id = ? and dismissed_at is null")
                .params(Rows.timestamp(at), ref.kind().name(), ref.id()).update();
    }

    /** Flags made since then, across all content and on one item, each counted no further than its limit: one statement. */
    public RecentFlags recent(ContentKey ref, Instant since, int overallLimit, int onItemLimit) {
        return jdbc.sql("""
                        select (select count(*) from (select 1 from flag where created_at > :since limit :flags) a),
                               (select count(*) from (select 1 from flag where content_type = :type and content_id = :id and created_at > :since
                                                      limit :onItem) i)""")
                .param("since", Rows.timestamp(since)).param("flags", overallLimit).param("type", ref.kind().name()).param("id", ref.id())
                .param("onItem", onItemLimit)
                .query((rs, n) -> new RecentFlags(rs.getInt(1), rs.getInt(2))).single();
    }

    public record RecentFlags(int overall, int onItem) {
    }
}
