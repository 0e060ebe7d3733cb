package org.participe.base.mail;

/**
 * Sends e-mails, through the outbox: {@link #send} writes the mail in the caller's transaction, and
 * the {@link MailOutboxSender} delivers it once that transaction has committed (by SMTP when one is
 * configured, otherwise into the dev outbox). A rollback drops the mail with the rest; a slow or
 * absent SMTP server never holds a transaction open nor fails it.
 */
public interface Mailer {

    void send(MailMessage message);
}
