package org.participe.base.mail;

/**
 * How this instance delivers mails: by SMTP, or into the dev outbox page when no SMTP server is
 * configured. Each mail keeps the channel of the instance that wrote it and is delivered only by an
 * instance of the same channel, so that a mail written by a development instance never leaves by
 * SMTP and an SMTP mail never lands in a dev outbox.
 */
enum MailChannel {
    SMTP, DEV_OUTBOX
}
