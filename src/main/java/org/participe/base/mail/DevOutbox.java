package org.participe.base.mail;

import java.time.Instant;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The last e-mails "sent" without an SMTP server, newest first, so that a newcomer running the demo
 * can click a confirmation link: the mails the sender delivered into the dev outbox, read from the
 * outbox table (kept until they are purged, across restarts and instances). Its mails carry
 * password-reset and confirmation links: only administrators may read them, in every mode (the
 * role is spelt out because {@code base} depends on no feature, not even security's Roles).
 */
@Component
public class DevOutbox {

    private static final int SHOWN = 200;

    public record Entry(Instant sentAt, MailMessage message) {
    }

    private final MailOutboxStore store;

    DevOutbox(MailOutboxStore store) {
        this.store = store;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public List<Entry> latest() {
        return store.latestDelivered(MailChannel.DEV_OUTBOX, SHOWN);
    }
}
