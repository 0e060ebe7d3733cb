package org.participe.notifications;

/** What a notification is about; each kind has its own e-mail setting. */
public enum NotificationKind {
    INITIATIVE_UPDATE(NotificationMode.AT_ONCE),
    INITIATIVE_PHASE(NotificationMode.AT_ONCE),
    IDEA_STATUS(NotificationMode.AT_ONCE),
    IDEA_THRESHOLD(NotificationMode.AT_ONCE),
    REPLY(NotificationMode.AT_ONCE),
    /** Moderation of the person's own content or account: always told, by e-mail at once by default. */
    MODERATION(NotificationMode.AT_ONCE),
    /** A citizens' budget campaign one follows entered a new phase (submission, vote, results...). */
    BUDGET_PHASE(NotificationMode.AT_ONCE),
    COMMENT(NotificationMode.DAILY);

    private final NotificationMode defaultMode;

    NotificationKind(NotificationMode defaultMode) {
        this.defaultMode = defaultMode;
    }

    public NotificationMode defaultMode() {
        return defaultMode;
    }
}
