package org.participe.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.moderation.ContentRef;
import org.participe.moderation.ModerationEvents;
import org.participe.notifications.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells authors what moderation did to their content or account, and why: the charter's "always
 * justify and give reasons" applies to moderation too.
 */
@Component
class ModerationNotices {

    private static final Pattern PAGE = Pattern.compile("^(ideas|initiatives)/(\\d+)");

    private final NotificationStore store;
    private final I18NProvider translations;

    ModerationNotices(NotificationStore store, I18NProvider translations) {
        this.store = store;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(ModerationEvents.ContentHidden event) {
        Matcher page = PAGE.matcher(event.pagePath() == null ? "" : event.pagePath());
        if (!page.find()) {
            return;
        }
        String kind = ContentRef.IDEA.equals(event.ref().type()) ? "idea" : "comment";
        store.notify(store.accounts(List.of(event.authorId())), NotificationKind.MODERATION,
                "hidden:" + event.ref() + ":" + event.at().toEpochMilli(), page.group(1).equals("ideas") ? "IDEA" : "INITIATIVE",
                Long.parseLong(page.group(2)), new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.hidden." + kind + (event.automatic() ? ".automatic" : ""), locale);
                    }

                    public String detail(Locale locale) {
                        String reason = translations.getTranslation("moderation.reason." + event.reason().name(), locale);
                        return event.note() == null ? reason : reason + " — " + event.note();
                    }
                });
    }

    @ApplicationModuleListener
    void on(ModerationEvents.ContentRestored event) {
        Matcher page = PAGE.matcher(event.pagePath() == null ? "" : event.pagePath());
        if (!page.find()) {
            return;
        }
        String kind = ContentRef.IDEA.equals(event.ref().type()) ? "idea" : "comment";
        store.notify(store.accounts(List.of(event.authorId())), NotificationKind.MODERATION,
                "restored:" + event.ref() + ":" + event.at().toEpochMilli(), page.group(1).equals("ideas") ? "IDEA" : "INITIATIVE",
                Long.parseLong(page.group(2)), new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.restored." + kind, locale);
                    }

                    public String detail(Locale locale) {
                        return "";
                    }
                });
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorBlocked event) {
        store.notify(store.accounts(List.of(event.authorId())), NotificationKind.MODERATION,
                "blocked:" + event.authorId() + ":" + event.at().toEpochMilli(), "ACCOUNT", event.authorId(),
                new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.blocked", locale);
                    }

                    public String detail(Locale locale) {
                        return event.reason();
                    }
                });
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorUnblocked event) {
        store.notify(store.accounts(List.of(event.authorId())), NotificationKind.MODERATION,
                "unblocked:" + event.authorId() + ":" + event.at().toEpochMilli(), "ACCOUNT", event.authorId(),
                new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.unblocked", locale);
                    }

                    public String detail(Locale locale) {
                        return "";
                    }
                });
    }
}
