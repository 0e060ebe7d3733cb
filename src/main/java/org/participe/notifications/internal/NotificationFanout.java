package org.participe.notifications.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.i18n.I18NProvider;
import org.participe.base.content.ContentKey;
import org.participe.base.content.ContentKind;
import org.participe.budget.BudgetEvents;
import org.participe.comments.CommentEvents;
import org.participe.ideas.IdeaEvents;
import org.participe.initiatives.InitiativeEvents;
import org.participe.moderation.HiddenContent;
import org.participe.notifications.NotificationKind;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into notifications for the people concerned, from what the events carry
 * (titles, names, visibility) and the owners' public APIs (followers, addresses). The listeners go through
 * Spring Modulith's event publication registry: an event whose delivery was interrupted by a
 * stop is delivered again at the next start, and the event key keeps it from counting twice.
 *
 * <ul>
 * <li>an initiative's update or new phase → its followers;</li>
 * <li>a citizens' budget campaign's new phase → its followers;</li>
 * <li>an idea's new status or reached threshold → its followers (its author follows it);</li>
 * <li>a comment → the idea's followers but its author and the author of the comment it answers;</li>
 * <li>a reply → the author of the comment it answers.</li>
 * </ul>
 */
@Component
class NotificationFanout {

    private final NotificationStore store;
    private final HiddenContent hiddenContent;
    private final I18NProvider translations;

    NotificationFanout(NotificationStore store, HiddenContent hiddenContent, I18NProvider translations) {
        this.store = store;
        this.hiddenContent = hiddenContent;
        this.translations = translations;
    }

    @ApplicationModuleListener
    void on(InitiativeEvents.InitiativeUpdatePublished event) {
        store.notify(store.followers(ContentKey.initiative(event.initiativeId()), List.of()), NotificationKind.INITIATIVE_UPDATE,
                "update:" + event.updateId(), ContentKey.initiative(event.initiativeId()),
                texts("notification.initiative-update", event.updateTitle(), event.initiativeTitle()));
    }

    @ApplicationModuleListener
    void on(InitiativeEvents.InitiativePhaseChanged event) {
        store.notify(store.followers(ContentKey.initiative(event.initiativeId()), List.of()), NotificationKind.INITIATIVE_PHASE,
                "phase:" + event.initiativeId() + ":" + event.phaseName(), ContentKey.initiative(event.initiativeId()),
                texts("notification.initiative-phase", event.phaseName(), event.initiativeTitle()));
    }

    @ApplicationModuleListener
    void on(BudgetEvents.CampaignPhaseChanged event) {
        ContentKey campaign = ContentKey.budgetCampaign(event.campaignId());
        store.notify(store.followers(campaign, List.of()), NotificationKind.BUDGET_PHASE,
                "budget-phase:" + event.campaignId() + ":" + event.phase().name(), campaign,
                texts("notification.budget-phase." + event.phase().name(), event.campaignTitle(), event.campaignTitle()));
    }

    @ApplicationModuleListener
    void on(IdeaEvents.IdeaStatusChanged event) {
        if (event.hidden() || hiddenSince(event.ideaId())) {
            return;
        }
        store.notify(store.followers(ContentKey.idea(event.ideaId()), List.of()), NotificationKind.IDEA_STATUS,
                "idea-status:" + event.ideaId() + ":" + event.from() + ":" + event.to(), ContentKey.idea(event.ideaId()),
                new NotificationStore.Texts() {
                    public String subject(Locale locale) {
                        return translations.getTranslation("notification.idea-status", locale,
                                translations.getTranslation("idea.status." + event.to().name(), locale));
                    }

                    public String detail(Locale locale) {
                        return event.title();
                    }
                });
    }

    @ApplicationModuleListener
    void on(IdeaEvents.IdeaReachedThreshold event) {
        if (hiddenSince(event.ideaId())) {
            return;
        }
        store.notify(store.followers(ContentKey.idea(event.ideaId()), List.of()), NotificationKind.IDEA_THRESHOLD,
                "threshold:" + event.ideaId(), ContentKey.idea(event.ideaId()), texts("notification.idea-threshold", event.title(), event.title()));
    }

    @ApplicationModuleListener
    void on(CommentEvents.CommentPosted event) {
        if (event.target().kind() != ContentKind.IDEA || hiddenSince(event.target().id())) {
            return;
        }
        List<Long> except = new ArrayList<>(List.of(event.authorId()));
        if (event.threadAuthorId() != null) {
            except.add(event.threadAuthorId());
        }
        store.notify(store.followers(event.target(), except), NotificationKind.COMMENT,
                "comment:" + event.commentId(), event.target(),
                texts("notification.comment", event.authorName(), event.targetTitle()));
    }

    @ApplicationModuleListener
    void on(CommentEvents.ReplyPosted event) {
        if (event.parentAuthorId() == event.authorId() || event.target().kind() != ContentKind.IDEA || hiddenSince(event.target().id())) {
            return;
        }
        store.notify(store.accounts(List.of(event.parentAuthorId())), NotificationKind.REPLY,
                "reply:" + event.commentId(), event.target(),
                texts("notification.reply", event.authorName(), event.targetTitle()));
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

    /**
     * Nobody is told about an idea the moderators hid (its title would leak through the
     * notification), even when they hid it after the event, before its delivery.
     */
    private boolean hiddenSince(long ideaId) {
        return !hiddenContent.among(List.of(ContentKey.idea(ideaId))).isEmpty();
    }
}
