package org.participe.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.comments.CommentEvents;
import org.participe.ideas.IdeaEvents;
import org.participe.initiatives.InitiativeEvents;
import org.participe.notifications.NotificationKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into notifications for the people concerned. The listeners go through
 * Spring Modulith's event publication registry: an event whose delivery was interrupted by a
 * stop is delivered again at the next start, and the event key keeps it from counting twice.
 *
 * <ul>
 * <li>an initiative's update or new phase → its followers;</li>
 * <li>an idea's new status or reached threshold → its followers (its author follows it);</li>
 * <li>a comment → the idea's followers but its author and the author of the comment it answers;</li>
 * <li>a reply → the author of the comment it answers.</li>
 * </ul>
 */
@Component
class NotificationFanout {

    private final NotificationStore store;
    private final JdbcClient jdbc;
    private final I18NProvider translations;

    NotificationFanout(NotificationStore store, JdbcClient jdbc, I18NProvider translations) {
        this.store = store;
        this.jdbc = jdbc;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(InitiativeEvents.InitiativeUpdatePublished event) {
        store.notify(store.followers("INITIATIVE", event.initiativeId(), List.of()), NotificationKind.INITIATIVE_UPDATE,
                "update:" + event.updateId(), "INITIATIVE", event.initiativeId(),
                texts("notification.initiative-update", event.updateTitle(), event.initiativeTitle()));
    }

    @ApplicationModuleListener
    void on(InitiativeEvents.InitiativePhaseChanged event) {
        store.notify(store.followers("INITIATIVE", event.initiativeId(), List.of()), NotificationKind.INITIATIVE_PHASE,
                "phase:" + event.initiativeId() + ":" + event.phaseName(), "INITIATIVE", event.initiativeId(),
                texts("notification.initiative-phase", event.phaseName(), event.initiativeTitle()));
    }

    @ApplicationModuleListener
    void on(IdeaEvents.IdeaStatusChanged event) {
        if (hiddenIdea(event.ideaId())) {
            return;
        }
        String title = ideaTitle(event.ideaId());
        store.notify(store.followers("IDEA", event.ideaId(), List.of()), NotificationKind.IDEA_STATUS,
                "idea-status:" + event.ideaId() + ":" + event.from() + ":" + event.to(), "IDEA", event.ideaId(),
                new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.idea-status", locale,
                                translations.getTranslation("idea.status." + event.to().name(), locale));
                    }

                    public String detail(Locale locale) {
                        return title;
                    }
                });
    }

    @ApplicationModuleListener
    void on(IdeaEvents.IdeaReachedThreshold event) {
        if (hiddenIdea(event.ideaId())) {
            return;
        }
        String title = ideaTitle(event.ideaId());
        store.notify(store.followers("IDEA", event.ideaId(), List.of()), NotificationKind.IDEA_THRESHOLD,
                "threshold:" + event.ideaId(), "IDEA", event.ideaId(), texts("notification.idea-threshold", title, title));
    }

    @ApplicationModuleListener
    void on(CommentEvents.CommentPosted event) {
        if (!"IDEA".equals(event.targetType()) || hiddenIdea(event.targetId())) {
            return;
        }
        List<Long> except = new ArrayList<>(List.of(event.authorId()));
        jdbc.sql("select p.author_id from comment c join comment p on p.id = c.parent_id where c.id = ?").param(event.commentId())
                .query(Long.class).optional().ifPresent(except::add);
        String author = authorName(event.authorId());
        store.notify(store.followers("IDEA", event.targetId(), except), NotificationKind.COMMENT,
                "comment:" + event.commentId(), "IDEA", event.targetId(),
                texts("notification.comment", author, ideaTitle(event.targetId())));
    }

    @ApplicationModuleListener
    void on(CommentEvents.ReplyPosted event) {
        if (event.parentAuthorId() == event.authorId() || !"IDEA".equals(event.targetType()) || hiddenIdea(event.targetId())) {
            return;
        }
        store.notify(store.accounts(List.of(event.parentAuthorId())), NotificationKind.REPLY,
                "reply:" + event.commentId(), "IDEA", event.targetId(),
                texts("notification.reply", authorName(event.authorId()), ideaTitle(event.targetId())));
    }

    /** A subject from a key with its first argument, and a detail line (the content's title). */
    private NotificationStore.Texts texts(String key, String argument, String detail) {
        return new NotificationStore.Texts() {
            public String subject(Locale locale) {
                return translations.getTranslation(key, locale, argument);
            }

            public String detail(Locale locale) {
                return detail;
            }
        };
    }

    /** Nobody is told about an idea the moderators hid (its title would leak through the notification). */
    private boolean hiddenIdea(long ideaId) {
        return jdbc.sql("select hidden from idea where id = ?").param(ideaId).query(Boolean.class).optional().orElse(true);
    }

    private String ideaTitle(long ideaId) {
        return jdbc.sql("select title from idea where id = ?").param(ideaId).query(String.class).optional().orElse("");
    }

    private String authorName(long accountId) {
        return jdbc.sql("select display_name from account_public where id = ?").param(accountId).query(String.class).optional().orElse("");
    }
}
