package org.participe.moderation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.participe.moderation.internal.AuditLog;
import org.participe.town.TownService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How content features keep the moderation queue up to date, inside their own transactions (so a
 * new idea and its queue row commit together). Views never call this: they act through
 * {@link ModerationService} and the content features' services, which check who acts.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
@PreAuthorize("isAuthenticated()")
public class ModerationQueue {

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final TownService town;
    private final Clock clock;

    ModerationQueue(JdbcClient jdbc, AuditLog audit, TownService town, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.town = town;
        this.clock = clock;
    }

    /** New content: pending when it waits for pre-moderation, answerable when officials owe it an answer. */
    public void published(ContentRef ref, long authorId, Instant createdAt, boolean pending, boolean answerable) {
        jdbc.sql("""
                        insert into moderation_item (content_type, content_id, author_id, content_created_at, pending, published_at, answerable)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (content_type, content_id) do update
                            set pending = excluded.pending, answerable = excluded.answerable,
                                published_at = coalesce(moderation_item.published_at, excluded.published_at),
                                updated_at = now(), version = moderation_item.version + 1""")
                .params(ref.type(), ref.id(), authorId, Timestamp.from(createdAt), pending, pending ? null : Timestamp.from(createdAt),
                        answerable)
                .update();
    }

    /** An official published pending content. */
    public void approved(ContentRef ref, long officialId) {
        Long author = jdbc.sql("""
                        update moderation_item set pending = false, published_at = ?, updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ? returning author_id""")
                .params(Timestamp.from(clock.instant()), ref.type(), ref.id()).query(Long.class).optional().orElse(null);
        audit.record(officialId, "APPROVE", ref, author, null, null, "pending", "published");
    }

    /** The content reached its support threshold: an answer is now expected, by the town's default delay unless a date was set. */
    public void answerExpected(ContentRef ref, Instant since) {
        Instant due = since.plus(Duration.ofDays(town.profile().answerDueDays()));
        jdbc.sql("""
                        update moderation_item set answer_expected_since = coalesce(answer_expected_since, ?), due_at = coalesce(due_at, ?),
                               updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ?""")
                .params(Timestamp.from(since), Timestamp.from(due), ref.type(), ref.id()).update();
    }

    /** An official answered publicly; the first answer is the one the follow-up counts. */
    public void answered(ContentRef ref, long officialId, String fromStatus, String toStatus, String text) {
        Long author = jdbc.sql("""
                        update moderation_item set answered_at = coalesce(answered_at, ?), updated_at = now(), version = version + 1
                        where content_type = ? and content_id = ? returning author_id""")
                .params(Timestamp.from(clock.instant()), ref.type(), ref.id()).query(Long.class).optional().orElse(null);
        audit.record(officialId, "ANSWER", ref, author, toStatus, text == null || text.length() <= 1000 ? text : text.substring(0, 1000),
                fromStatus, toStatus);
    }

    /** The author withdrew the content: no answer is owed any more. */
    public void withdrawn(ContentRef ref) {
        jdbc.sql("update moderation_item set answerable = false, updated_at = now(), version = version + 1 where content_type = ? and content_id = ?")
                .params(ref.type(), ref.id()).update();
    }
}
