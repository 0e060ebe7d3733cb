package org.participe.base.mail;

import org.participe.base.database.AfterCommit;
import org.springframework.stereotype.Component;

/**
 * The {@link Mailer}: writes each mail to the outbox table in the caller's transaction, with what
 * caused it (a notification, a reset token…), so that a rollback drops both and a commit keeps
 * both; then wakes the sender once that transaction has committed, so that a password-reset mail
 * leaves within a second.
 */
@Component
class MailOutbox implements Mailer {

    private final MailOutboxStore store;
    private final MailTransport transport;
    private final MailOutboxSender sender;

    MailOutbox(MailOutboxStore store, MailTransport transport, MailOutboxSender sender) {
        this.store = store;
        this.transport = transport;
        this.sender = sender;
    }

    @Override
    public void send(MailMessage message) {
        store.add(transport.channel(), message);
        AfterCommit.run(sender::nudge);
    }
}
