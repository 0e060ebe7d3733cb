package org.participe.ideas.ui;

import static org.participe.base.ui.StaticMarkup.element;
import static org.participe.base.ui.StaticMarkup.text;

import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.jsoup.nodes.Element;
import org.participe.base.content.ContentKey;
import org.participe.base.ui.StaticMarkup;
import org.participe.ideas.IdeaCard;

/**
 * One idea in a list, readable on a phone: the whole title is the link to its page. Drawn as
 * static markup: a card has nothing to click but its link.
 */
final class IdeaCardView {

    private IdeaCardView() {
    }

    /** The card under a section heading (h2): its title is an h3. */
    static Component of(IdeaCard idea, TownNames names, Component page) {
        return of(idea, names, page, 3);
    }

    /**
     * The card, in the words of {@code page} (its locale and translations), its title a heading of the given
     * level: 2 in a list right under the page's h1, 3 under a section's h2 (headings never skip a level).
     */
    static Component of(IdeaCard idea, TownNames names, Component page, int headingLevel) {
        Element card = element("article", "idea-card");
        if (idea.hasPhoto()) {
            card.appendChild(element("img", "idea-card-photo").attr("src", "media/ideas/" + idea.id() + "/thumbnail.jpg")
                    .attr("alt", "").attr("loading", "lazy"));
        }
        Element body = element("div", "idea-card-body");
        card.appendChild(body);
        text(element("h" + headingLevel, "idea-card-title").attr("lang", idea.lang()).appendTo(body), "a", idea.title()).attr("href", ContentKey.idea(idea.id()).path());
        Element tags = element("div", "idea-tags").appendTo(body);
        text(tags, "span", page.getTranslation("idea.status." + idea.status().name()),
                "idea-status", "idea-status-" + idea.status().name().toLowerCase(Locale.ROOT));
        text(tags, "span", names.category(idea.categoryId(), page.getUI().orElseGet(UI::getCurrent).getLocale()), "idea-tag");
        text(tags, "span", names.neighbourhood(idea.neighbourhoodId(), page.getTranslation("idea.whole-town")), "idea-tag");
        text(body, "p", idea.excerpt().length() >= 220 ? idea.excerpt() + "…" : idea.excerpt(), "idea-card-excerpt").attr("lang", idea.lang());
        Element counts = element("div", "idea-counts").appendTo(body);
        text(counts, "span", page.getTranslation("idea.supports", idea.supportCount()), "idea-count");
        text(counts, "span", page.getTranslation("idea.comments", idea.commentCount()), "idea-count");
        return StaticMarkup.component(card);
    }
}
