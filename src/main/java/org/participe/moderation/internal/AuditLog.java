package org.participe.moderation.internal;

import java.sql.Timestamp;
import java.time.Clock;

import org.participe.moderation.ContentRef;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Writes the append-only moderation audit, in the transaction of the action it records. */
@Component
public class AuditLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @param actorId null when the platform acted by itself (hiding after flags)
     * @param targetAccountId the person concerned: the content's author, or the blocked account
     */
    public void record(Long actorId, String action, ContentRef ref, Long targetAccountId, String reason, String note,
                       String before, String after) {
        jdbc.sql("""
                        insert into moderation_audit (occurred_at, actor_id, action, content_type, content_id, target_account_id,
                                                      reason, note, before_state, after_state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.instant()), actorId, action, ref == null ? null : ref.type(), ref == null ? null : ref.id(),
                        targetAccountId, reason, note, shorten(before), shorten(after))
                .update();
    }

    private static String shorten(String state) {
        return state == null || state.length() <= 300 ? state : state.substring(0, 297) + "...";
    }
}
