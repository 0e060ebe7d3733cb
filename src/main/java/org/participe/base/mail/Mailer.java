package org.participe.base.mail;

/** Sends e-mails: through SMTP when one is configured, otherwise to the log and the dev outbox. */
public interface Mailer {

    void send(MailMessage message);
}
