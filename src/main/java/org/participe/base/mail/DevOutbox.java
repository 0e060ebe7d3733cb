package org.participe.base.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The last e-mails "sent" without an SMTP server, newest first, so that a newcomer running the demo
 * can click a confirmation link. Kept in memory only: it is a development aid, shown in demo mode.
 * Its mails carry password-reset and confirmation links: only administrators may read them, in
 * every mode (the role is spelt out because {@code base} depends on no feature, not even security's Roles).
 */
@Component
public class DevOutbox {

    private static final int CAPACITY = 200;

    public record Entry(Instant sentAt, MailMessage message) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Clock clock;

    DevOutbox(Clock clock) {
        this.clock = clock;
    }

    synchronized void add(MailMessage message) {
        entries.addFirst(new Entry(clock.instant(), message));
        while (entries.size() > CAPACITY) {
            entries.removeLast();
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public synchronized List<Entry> latest() {
        return List.copyOf(entries);
    }
}
