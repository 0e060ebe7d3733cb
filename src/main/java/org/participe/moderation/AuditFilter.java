package org.participe.moderation;

import java.time.LocalDate;

import org.participe.base.content.ContentKind;

/** What the audit view narrows by; every part is optional. Dates are whole days in the town's time zone. */
public record AuditFilter(String action, ContentKind kind, String person, LocalDate from, LocalDate to) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null);
    }
}
