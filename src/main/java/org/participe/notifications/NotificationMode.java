package org.participe.notifications;

/** How a person wants e-mails of one kind: at once, in one daily digest, or never. */
public enum NotificationMode {
    AT_ONCE, DAILY, NEVER
}
