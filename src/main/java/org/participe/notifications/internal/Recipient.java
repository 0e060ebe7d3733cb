package org.participe.notifications.internal;

import java.util.Locale;

/** Someone to notify, with what the notification and its e-mail need. */
public record Recipient(long accountId, String email, String displayName, Locale locale) {
}
