package org.participe.base.mail;

import java.util.Objects;

/** An e-mail ready to send: always a plain-text body, and an HTML one built from escaped text. */
public record MailMessage(String to, String subject, String textBody, String htmlBody) {

    public MailMessage {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(textBody);
        Objects.requireNonNull(htmlBody);
    }
}
