package org.participe.comments.internal;

import java.util.Collection;

import org.participe.base.database.SqlArrays;
import org.participe.comments.CommentHistory.DatedComment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Dates of {@code comment} rows set after the fact ({@code CommentHistory}), all in one statement. */
@Component
public class CommentHistoryStore {

    private final JdbcClient jdbc;

    CommentHistoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void dateComments(Collection<DatedComment> comments) {
        jdbc.sql("""
                        update comment c set created_at = d.written_at
                        from unnest(cast(:ids as bigint[]), cast(:written as timestamptz[])) as d(comment_id, written_at)
                        where c.id = d.comment_id""")
                .param("ids", SqlArrays.of(comments.stream().map(DatedComment::commentId).toList()))
                .param("written", SqlArrays.of(comments.stream().map(DatedComment::writtenAt).toList()))
                .update();
    }
}
