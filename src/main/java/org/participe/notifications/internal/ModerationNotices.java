package org.participe.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.content.ContentKey;
import org.participe.moderation.ModerationEvents;
import org.participe.notifications.NotificationItem;
import org.participe.notifications.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells authors what moderation did to their content or account, and why: the charter's "always
 * justify and give reasons" applies to moderation too.
 */
@Component
class ModerationNotices {

    private final NotificationStore store;
    private final I18NProvider translations;

    ModerationNotices(NotificationStore store, I18NProvider translations) {
        this.store = store;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(ModerationEvents.ContentHidden event) {
        tellAboutContent(event.authorId(), event.page(), "hidden:" + event.ref() + ":" + event.at().toEpochMilli(),
                "notification.hidden." + event.ref().kind().textKey() + (event.automatic() ? ".automatic" : ""), locale -> {
                    String reason = translations.getTranslation("moderation.reason." + event.reason().name(), locale);
                    return event.note() == null ? reason : reason + " — " + event.note();
                });
    }

    @ApplicationModuleListener
    void on(ModerationEvents.ContentRestored event) {
        tellAboutContent(event.authorId(), event.page(), "restored:" + event.ref() + ":" + event.at().toEpochMilli(),
                "notification.restored." + event.ref().kind().textKey(), locale -> "");
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorBlocked event) {
        tell(event.authorId(), "blocked:" + event.authorId() + ":" + event.at().toEpochMilli(), NotificationItem.ABOUT_ACCOUNT, event.authorId(),
                "notification.blocked", locale -> event.reason());
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorUnblocked event) {
        tell(event.authorId(), "unblocked:" + event.authorId() + ":" + event.at().toEpochMilli(), NotificationItem.ABOUT_ACCOUNT, event.authorId(),
                "notification.unblocked", locale -> "");
    }

    /** Officials hear of a burst of flags at once: flags from fresh accounts no longer hide content by themselves. */
    @ApplicationModuleListener
    void on(ModerationEvents.FlagBurst event) {
        String scope = event.ref() == null ? "all" : event.ref().toString();
        String subjectKey = event.ref() == null ? "notification.flag-burst" : "notification.flag-burst." + event.ref().kind().textKey();
        store.notify(store.officials(), NotificationKind.MODERATION, "flag-burst:" + scope + ":" + event.at().toEpochMilli(),
                NotificationItem.ABOUT_MODERATION, 0, new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation(subjectKey, locale, event.flags(), event.minutes());
                    }

                    public String detail(Locale locale) {
                        return translations.getTranslation("notification.flag-burst.detail", locale);
                    }
                });
    }

    /** A notice that links to the public page where the content appears, if any page shows it. */
    private void tellAboutContent(long authorId, ContentKey page, String eventKey, String subjectKey, Function<Locale, String> detail) {
        if (page != null) {
            tell(authorId, eventKey, page.kind().name(), page.id(), subjectKey, detail);
        }
    }

    private void tell(long authorId, String eventKey, String targetType, long targetId, String subjectKey, Function<Locale, String> detail) {
        store.notify(store.accounts(List.of(authorId)), NotificationKind.MODERATION, eventKey, targetType, targetId,
                new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation(subjectKey, locale);
                    }

                    public String detail(Locale locale) {
                        return detail.apply(locale);
                    }
                });
    }
}
