package org.participe.moderation;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;

import org.participe.base.content.ContentKey;
import org.participe.moderation.internal.ModerationItemHistory;
import org.participe.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dates the moderation queue after the fact, when content is recorded later than it happened: a
 * town importing its history from another platform, contributions typed in from paper with the
 * date they were received, the demo town's past. The use cases always date "now"; this sets the
 * dates the follow-up counts from (when the content was written and published, when an answer was
 * expected, due and given). Nothing else changes: no audit entry, no event, no new version, since
 * nobody acted. Administrators only (the demo seeds as one, at start-up); many rows per statement.
 */
@Service
@Transactional
@PreAuthorize("hasRole('" + Roles.ADMIN + "')")
public class ModerationHistory {

    /** When queued content was written, and published ({@code publishedAt} null keeps the recorded publication date). */
    public record ContentDates(ContentKey content, Instant createdAt, Instant publishedAt) {
        public ContentDates {
            Objects.requireNonNull(content);
            Objects.requireNonNull(createdAt);
        }
    }

    /** The follow-up of an answer owed; each date null keeps the one recorded. */
    public record FollowUpDates(ContentKey content, Instant answerExpectedSince, Instant dueAt, Instant answeredAt) {
        public FollowUpDates {
            Objects.requireNonNull(content);
        }
    }

    private final ModerationItemHistory items;

    ModerationHistory(ModerationItemHistory items) {
        this.items = items;
    }

    /** Content already queued gets these dates; content that is not queued is left out. */
    public void dateContents(Collection<ContentDates> contents) {
        if (!contents.isEmpty()) {
            items.dateContents(contents);
        }
    }

    public void dateFollowUps(Collection<FollowUpDates> followUps) {
        if (!followUps.isEmpty()) {
            items.dateFollowUps(followUps);
        }
    }
}
