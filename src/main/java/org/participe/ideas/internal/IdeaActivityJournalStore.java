package org.participe.ideas.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.participe.ideas.IdeaActivityChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journal {@code idea_activity_change} (V26__ideas_activity_journal.sql), written by PostgreSQL's triggers. */
@Component
public class IdeaActivityJournalStore {

    private final JdbcClient jdbc;

    IdeaActivityJournalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IdeaActivityChange> take(int limit) {
        return jdbc.sql("""
                        delete from idea_activity_change where id in (
                            select id from idea_activity_change order by id limit ? for update skip locked)
                        returning kind, idea_id, account_id, happened_at, category_id, neighbourhood_id, published_at,
                                  old_category_id, old_neighbourhood_id, old_published_at, moved, deleted""")
                .param(limit)
                .query((rs, row) -> new IdeaActivityChange(IdeaActivityChange.Kind.valueOf(rs.getString("kind")), rs.getLong("idea_id"),
                        rs.getLong("account_id"), instant(rs, "happened_at"), id(rs, "category_id"), id(rs, "neighbourhood_id"),
                        instant(rs, "published_at"), id(rs, "old_category_id"), id(rs, "old_neighbourhood_id"),
                        instant(rs, "old_published_at"), rs.getBoolean("moved"), rs.getBoolean("deleted")))
                .list();
    }

    public boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from idea_activity_change)").query(Boolean.class).single();
    }

    private static Long id(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, Long.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
