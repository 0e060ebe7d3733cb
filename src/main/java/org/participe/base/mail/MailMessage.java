package org.participe.base.mail;

import java.util.Map;
import java.util.Objects;

/**
 * An e-mail ready to send: always a plain-text body, and an HTML one built from escaped text;
 * extra headers such as {@code List-Unsubscribe}.
 */
public record MailMessage(String to, String subject, String textBody, String htmlBody, Map<String, String> headers) {

    public MailMessage {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(textBody);
        Objects.requireNonNull(htmlBody);
        headers = Map.copyOf(headers);
    }

    public MailMessage(String to, String subject, String textBody, String htmlBody) {
        this(to, subject, textBody, htmlBody, Map.of());
    }

    public MailMessage withHeaders(Map<String, String> extra) {
        return new MailMessage(to, subject, textBody, htmlBody, extra);
    }
}
