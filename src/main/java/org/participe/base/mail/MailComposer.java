package org.participe.base.mail;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes e-mails in the recipient's language from translation keys: a plain-text part, and an
 * HTML part where every piece of text is escaped.
 */
@Component
public class MailComposer {

    private final I18NProvider translations;
    private final String baseUrl;

    MailComposer(I18NProvider translations, @Value("${participe.base-url}") String baseUrl) {
        this.translations = translations;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** An absolute link into the application, from a path such as {@code confirm-email?token=…}. */
    public String link(String path) {
        return baseUrl + "/" + path;
    }

    public String translate(Locale locale, String key, Object... arguments) {
        return translations.getTranslation(key, locale, arguments);
    }

    public MailMessage compose(String to, Locale locale, String subject, String greeting, List<String> paragraphs,
                               String actionLabel, String actionUrl, String footer) {
        StringBuilder text = new StringBuilder(greeting).append("\n\n");
        paragraphs.forEach(p -> text.append(p).append("\n\n"));
        text.append(actionLabel).append(":\n").append(actionUrl).append("\n\n").append(footer).append('\n');

        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(locale.getLanguage())
                .append("\"><body style=\"font-family:sans-serif;line-height:1.5;color:#1f2933\">")
                .append("<p>").append(HtmlUtils.htmlEscape(greeting)).append("</p>");
        paragraphs.forEach(p -> html.append("<p>").append(HtmlUtils.htmlEscape(p)).append("</p>"));
        html.append("<p><a href=\"").append(HtmlUtils.htmlEscape(actionUrl))
                .append("\" style=\"display:inline-block;padding:10px 16px;background:#1a5fb4;color:#fff;text-decoration:none;border-radius:6px\">")
                .append(HtmlUtils.htmlEscape(actionLabel)).append("</a></p>")
                .append("<p style=\"font-size:13px;color:#52606d\">").append(HtmlUtils.htmlEscape(actionUrl)).append("</p>")
                .append("<p style=\"font-size:13px;color:#52606d\">").append(HtmlUtils.htmlEscape(footer)).append("</p>")
                .append("</body></html>");
        return new MailMessage(to, subject, text.toString(), html.toString());
    }
}
