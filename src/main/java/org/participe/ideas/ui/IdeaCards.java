package org.participe.ideas.ui;

import com.vaadin.flow.component.Component;
import org.participe.ideas.IdeaCard;
import org.participe.town.TownService;

/** Idea cards for other features' pages (the home page). */
public final class IdeaCards {

    /** Names of categories and neighbourhoods, read once per page. */
    public static final class Names {
        private final TownNames names;

        private Names(TownNames names) {
            this.names = names;
        }
    }

    private IdeaCards() {
    }

    public static Names names(TownService town) {
        return new Names(TownNames.of(town));
    }

    /** The card of {@code idea}, in the words of {@code page}. */
    public static Component card(IdeaCard idea, Names names, Component page) {
        return IdeaCardView.of(idea, names.names, page);
    }
}
