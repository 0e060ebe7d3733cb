package org.participe.ideas.internal;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Residents' supports: one row per resident and idea, the table's primary key refusing a second;
 * the idea's count is kept by {@link IdeaCountsStore} in the same transaction.
 */
@Component
public class SupportStore {

    private final JdbcClient jdbc;

    SupportStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the resident supported the idea already. */
    public boolean add(long ideaId, long accountId, Instant at) {
        return jdbc.sql("insert into support (idea_id, account_id, created_at) values (?, ?, ?) on conflict do nothing")
                .params(ideaId, accountId, Timestamp.from(at)).update() == 1;
    }

    /** False when the resident did not support the idea. */
    public boolean remove(long ideaId, long accountId) {
        return jdbc.sql("delete from support where idea_id = ? and account_id = ?").params(ideaId, accountId).update() == 1;
    }

    /**
     * The supports given since {@code since}, counted no further than {@code limit}: a popular
     * idea's supports are not all read again on each new one.
     */
    public int countSinceUpTo(long ideaId, Instant since, int limit) {
        return jdbc.sql("select count(*) from (select 1 from support where idea_id = ? and created_at > ? limit ?) recent")
                .params(ideaId, Timestamp.from(since), limit)
                .query(Integer.class).single();
    }
}
