package org.participe.base.mail;

/** The last step of a mail: handing it to the SMTP server, or to the dev outbox. Called outside any transaction. */
interface MailTransport {

    MailChannel channel();

    /** Delivers the mail or throws; {@link MailFailure#of} tells whether trying again may help. */
    void deliver(MailMessage message) throws Exception;
}
