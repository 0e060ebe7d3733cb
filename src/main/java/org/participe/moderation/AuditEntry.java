package org.participe.moderation;

import org.participe.base.content.ContentKey;

import java.time.Instant;

/** One line of the moderation audit; {@code contentPath} is the page where its content appears (null if none or unknown). */
public record AuditEntry(long id, Instant occurredAt, String actorName, String action, ContentKey content, Long targetAccountId,
                         String targetName, String reason, String note, String before, String after, String contentPath) {

    AuditEntry withContentPath(String path) {
        return new AuditEntry(id, occurredAt, actorName, action, content, targetAccountId, targetName, reason, note, before, after, path);
    }
}
