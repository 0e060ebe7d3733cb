package org.participe.comments.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

import org.participe.base.privacy.PersonalData;
import org.participe.base.privacy.PersonalDataSet;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's comments. They stay under "deleted account", or, when the person asks, are deleted as
 * an author deletes one (the thread keeps its place, the text is gone).
 */
@Component
@Order(20)
class CommentPersonalData implements PersonalData {

    /** The shortest body the database accepts; a deleted comment's body is never shown. */
    private static final String ERASED = "-";

    private final JdbcClient jdbc;
    private final Clock clock;

    CommentPersonalData(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<PersonalDataSet> export(long accountId) {
        return List.of(PersonalDataSet.query(jdbc, "comments", """
                select id, target_type, target_id, parent_id, body, created_at, edited_at, deleted_at, hidden
                from comment where author_id = ? order by id""", accountId));
    }

    @Override
    public void erase(long accountId, boolean eraseContributions) {
        if (eraseContributions) {
            jdbc.sql("update comment set body = ?, deleted_at = coalesce(deleted_at, ?), version = version + 1 where author_id = ?")
                    .params(ERASED, Timestamp.from(clock.instant()), accountId).update();
        }
    }
}
