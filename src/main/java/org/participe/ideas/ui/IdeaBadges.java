package org.participe.ideas.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.participe.ideas.IdeaStatus;

/** The status of an idea as a badge, in words (never by colour alone). */
final class IdeaBadges {

    private IdeaBadges() {
    }

    static Span status(Component translator, IdeaStatus status) {
        Span badge = new Span(translator.getTranslation("idea.status." + status.name()));
        badge.addClassNames("idea-status", "idea-status-" + status.name().toLowerCase());
        return badge;
    }
}
