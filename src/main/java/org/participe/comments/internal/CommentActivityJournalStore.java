package org.participe.comments.internal;

import java.util.List;

import org.participe.comments.CommentActivityChange;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The journal {@code comment_activity_change} (V27__comments_activity_journal.sql), written by PostgreSQL's trigger. */
@Component
public class CommentActivityJournalStore {

    private final JdbcClient jdbc;

    CommentActivityJournalStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<CommentActivityChange> take(int limit) {
        return jdbc.sql("""
                        delete from comment_activity_change where id in (
                            select id from comment_activity_change order by id limit ? for update skip locked)
                        returning target_type, target_id, author_id, created_at""")
                .param(limit)
                .query((rs, row) -> new CommentActivityChange(rs.getString("target_type"), rs.getLong("target_id"), rs.getLong("author_id"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public boolean isEmpty() {
        return !jdbc.sql("select exists (select 1 from comment_activity_change)").query(Boolean.class).single();
    }
}
