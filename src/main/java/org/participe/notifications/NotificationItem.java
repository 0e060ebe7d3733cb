package org.participe.notifications;

import java.time.Instant;

public record NotificationItem(long id, NotificationKind kind, String targetType, long targetId, String subject, String detail,
                               Instant createdAt, boolean read) {

    /** The page the notification is about. */
    public String path() {
        return switch (targetType) {
            case "INITIATIVE" -> "initiatives/" + targetId;
            case "ACCOUNT" -> "terms";
            case "MODERATION" -> "moderation";
            default -> "ideas/" + targetId;
        };
    }
}
