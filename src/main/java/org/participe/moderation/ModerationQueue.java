package org.participe.moderation;

import java.time.Clock;
import java.time.Instant;

import org.participe.base.content.ContentKey;
import org.participe.moderation.internal.AnswerDeadline;
import org.participe.moderation.internal.AuditLog;
import org.participe.moderation.internal.ModerationItems;
import org.participe.town.TownService;
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

    private final ModerationItems items;
    private final AuditLog audit;
    private final TownService town;
    private final Clock clock;

    ModerationQueue(ModerationItems items, AuditLog audit, TownService town, Clock clock) {
        this.items = items;
        this.audit = audit;
        this.town = town;
        this.clock = clock;
    }

    /** New content: pending when it waits for pre-moderation, answerable when officials owe it an answer. */
    public void published(ContentKey ref, long authorId, Instant createdAt, boolean pending, boolean answerable) {
        items.published(ref, authorId, createdAt, pending, answerable);
    }

    /** An official published pending content. */
    public void approved(ContentKey ref, long officialId) {
        Long author = items.approved(ref, clock.instant()).orElse(null);
        audit.record(officialId, "APPROVE", ref, author, null, null, "pending", "published");
    }

    /** The content reached its support threshold: an answer is now expected, by the town's default delay unless a date was set. */
    public void answerExpected(ContentKey ref, Instant since) {
        items.answerExpected(ref, since, AnswerDeadline.dueFrom(since, town.profile().answerDueDays()));
    }

    /** An official answered publicly; the first answer is the one the follow-up counts. */
    public void answered(ContentKey ref, long officialId, String fromStatus, String toStatus, String text) {
        Long author = items.answered(ref, clock.instant()).orElse(null);
        audit.record(officialId, "ANSWER", ref, author, toStatus, text == null || text.length() <= 1000 ? text : text.substring(0, 1000),
                fromStatus, toStatus);
    }

    /** The author withdrew the content: no answer is owed any more. */
    public void withdrawn(ContentKey ref) {
        items.withdrawn(ref);
    }
}
