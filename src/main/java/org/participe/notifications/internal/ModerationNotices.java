package org.participe.notifications.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
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
        tellAboutContent(event.authorId(), event.ref(), event.pagePath(), "hidden:" + event.ref() + ":" + event.at().toEpochMilli(),
                "notification.hidden." + kind(event.ref()) + (event.automatic() ? ".automatic" : ""), locale -> {
                    String reason = translations.getTranslation("moderation.reason." + event.reason().name(), locale);
                    return event.note() == null ? reason : reason + " — " + event.note();
                });
    }

    @ApplicationModuleListener
    void on(ModerationEvents.ContentRestored event) {
        tellAboutContent(event.authorId(), event.ref(), event.pagePath(), "restored:" + event.ref() + ":" + event.at().toEpochMilli(),
                "notification.restored." + kind(event.ref()), locale -> "");
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorBlocked event) {
        tell(event.authorId(), "blocked:" + event.authorId() + ":" + event.at().toEpochMilli(), "ACCOUNT", event.authorId(),
                "notification.blocked", locale -> event.reason());
    }

    @ApplicationModuleListener
    void on(ModerationEvents.AuthorUnblocked event) {
        tell(event.authorId(), "unblocked:" + event.authorId() + ":" + event.at().toEpochMilli(), "ACCOUNT", event.authorId(),
                "notification.unblocked", locale -> "");
    }

    /** Officials hear of a burst of flags at once: flags from fresh accounts no longer hide content by themselves. */
    @ApplicationModuleListener
    void on(ModerationEvents.FlagBurst event) {
        String scope = event.ref() == null ? "all" : event.ref().toString();
        String subjectKey = event.ref() == null ? "notification.flag-burst" : "notification.flag-burst." + kind(event.ref());
        store.notify(store.officials(), NotificationKind.MODERATION, "flag-burst:" + scope + ":" + event.at().toEpochMilli(),
                "MODERATION", 0, new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation(subjectKey, locale, event.flags(), event.minutes());
                    }

                    public String detail(Locale locale) {
                        return translations.getTranslation("notification.flag-burst.detail", locale);
                    }
                });
    }

    private static String kind(ContentRef ref) {
        return ContentRef.IDEA.equals(ref.type()) ? "idea" : "comment";
    }

    /** A notice that links to the public page where the content appears. */
    private void tellAboutContent(long authorId, ContentRef ref, String pagePath, String eventKey, String subjectKey,
                                  Function<Locale, String> detail) {
        Matcher page = PAGE.matcher(pagePath == null ? "" : pagePath);
        if (page.find()) {
            tell(authorId, eventKey, page.group(1).equals("ideas") ? "IDEA" : "INITIATIVE", Long.parseLong(page.group(2)), subjectKey, detail);
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
