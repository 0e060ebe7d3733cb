package org.participe.base.mail;

import java.util.Map;
import java.util.Objects;

/**
 * An e-mail ready to send: always a plain-text body, and an HTML one built from escaped text;
 * extra headers such as {@code List-Unsubscribe}; and the account it concerns, if any, so that the
 * account's deletion also deletes the mails still kept for it. A {@code bulk} mail (a notification, a
 * digest: sent to many at once) leaves after the mails someone is waiting for (a password reset).
 */
public record MailMessage(String to, String subject, String textBody, String htmlBody, Map<String, String> headers, Long accountId,
                          boolean bulk) {

    public MailMessage {
        Objects.requireNonNull(to);
        Objects.requireNonNull(subject);
        Objects.requireNonNull(textBody);
        Objects.requireNonNull(htmlBody);
        headers = Map.copyOf(headers);
        headers.forEach((name, value) -> {
            if (!name.matches("[A-Za-z0-9-]+") || value.contains("\r") || value.contains("\n")) {
                throw new IllegalArgumentException("Not a one-line header: " + name);
            }
        });
    }

    public MailMessage(String to, String subject, String textBody, String htmlBody, Map<String, String> headers) {
        this(to, subject, textBody, htmlBody, headers, null, false);
    }

    public MailMessage(String to, String subject, String textBody, String htmlBody) {
        this(to, subject, textBody, htmlBody, Map.of(), null, false);
    }

    public MailMessage withHeaders(Map<String, String> extra) {
        return new MailMessage(to, subject, textBody, htmlBody, extra, accountId, bulk);
    }

    /** The same mail, known to concern this account (erased with it). */
    public MailMessage concerning(long account) {
        return new MailMessage(to, subject, textBody, htmlBody, headers, account, bulk);
    }

    /** The same mail, sent to many at once: it waits behind the mails someone is waiting for. */
    public MailMessage asBulk() {
        return new MailMessage(to, subject, textBody, htmlBody, headers, accountId, true);
    }
}
