package org.participe.moderation;

import java.time.Instant;

/** One line of the moderation audit. */
public record AuditEntry(long id, Instant occurredAt, String actorName, String action, ContentRef content, Long targetAccountId,
                         String targetName, String reason, String note, String before, String after) {
}
