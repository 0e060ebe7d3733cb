package org.participe.notifications;

import java.time.Instant;
import java.util.Optional;

import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;

/**
 * A notification, about a piece of content ({@code targetType} is then the content's kind) or
 * about the person's account ({@link #ABOUT_ACCOUNT}) or the officials' moderation work
 * ({@link #ABOUT_MODERATION}).
 */
public record NotificationItem(long id, NotificationKind kind, String targetType, long targetId, String subject, String detail,
                               Instant createdAt, boolean read) {

    public static final String ABOUT_ACCOUNT = "ACCOUNT";
    public static final String ABOUT_MODERATION = "MODERATION";

    /** The content the notification is about, if it is about content. */
    public Optional<ContentKey> content() {
        return ContentKind.find(targetType).map(contentKind -> new ContentKey(contentKind, targetId));
    }

    /** The page the notification is about. */
    public String path() {
        return switch (targetType) {
            case ABOUT_ACCOUNT -> "terms";
            case ABOUT_MODERATION -> "moderation";
            default -> ContentKey.stored(targetType, targetId).path();
        };
    }
}
