package org.participe.moderation;

import java.time.Instant;

/** A flag as the inbox shows it: the reason and the note (who flagged is kept in the audit). */
public record FlagView(ModerationReason reason, String note, Instant createdAt, boolean dismissed) {
}
