package org.participe.initiatives.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import org.participe.initiatives.InitiativeStatus;

final class InitiativeBadges {

    private InitiativeBadges() {
    }

    static Span status(Component translator, InitiativeStatus status) {
        Span badge = new Span(translator.getTranslation("initiative.status." + status.name()));
        badge.addClassNames("idea-status", "initiative-status-" + status.name().toLowerCase());
        return badge;
    }
}
