package org.participe.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.participe.base.TownBranding;
import org.participe.base.mail.MailComposer;
import org.participe.base.mail.MailMessage;
import org.participe.base.mail.Mailer;
import org.participe.notifications.NotificationItem;
import org.springframework.stereotype.Component;

/**
 * Notification e-mails in the recipient's language, HTML and text, each with a one-click
 * unsubscribe link (in the text and in the List-Unsubscribe headers). They go through the mail
 * outbox, in the caller's transaction.
 */
@Component
public class NotificationMails {

    private final MailComposer composer;
    private final Mailer mailer;
    private final UnsubscribeTokens tokens;
    private final TownBranding town;

    NotificationMails(MailComposer composer, Mailer mailer, UnsubscribeTokens tokens, TownBranding town) {
        this.composer = composer;
        this.mailer = mailer;
        this.tokens = tokens;
        this.town = town;
    }

    public void sendOne(Recipient to, NotificationItem item) {
        Locale locale = to.locale();
        String token = tokens.issue(to.accountId(), item.kind());
        String unsubscribe = composer.link("unsubscribe?t=" + token);
        MailMessage message = composer.compose(to.email(), locale,
                item.subject() + " · " + town.townName(),
                composer.translate(locale, "mail.greeting", to.displayName()),
                List.of(item.subject(), item.detail()),
                composer.translate(locale, "mail.notification.open"),
                composer.link(item.path()),
                composer.translate(locale, "mail.notification.footer", unsubscribe));
        mailer.send(message.withHeaders(headers(token)).concerning(to.accountId()).asBulk());
    }

    public void sendDigest(Recipient to, List<NotificationItem> items) {
        Locale locale = to.locale();
        String token = tokens.issue(to.accountId(), null);
        String unsubscribe = composer.link("unsubscribe?t=" + token);
        List<String> lines = items.stream().map(item -> "• " + item.subject() + " — " + item.detail()).toList();
        MailMessage message = composer.compose(to.email(), locale,
                composer.translate(locale, "mail.digest.subject", items.size(), town.townName()),
                composer.translate(locale, "mail.greeting", to.displayName()),
                lines,
                composer.translate(locale, "mail.digest.open"),
                composer.link("notifications"),
                composer.translate(locale, "mail.notification.footer", unsubscribe));
        mailer.send(message.withHeaders(headers(token)).concerning(to.accountId()).asBulk());
    }

    /** RFC 8058 one-click: mail clients POST to this address, without opening a page. */
    private Map<String, String> headers(String token) {
        return Map.of("List-Unsubscribe", "<" + composer.link("mail/unsubscribe?t=" + token) + ">",
                "List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
}
