package org.participe.moderation;

import java.time.Instant;
import java.util.List;

/** An author's moderation history: what officials weigh before blocking someone. */
public record AuthorRecord(long authorId, String name, boolean blocked, String blockedReason, Instant blockedAt,
                           int flagsReceived, int itemsHidden, List<AuditEntry> recent) {
}
