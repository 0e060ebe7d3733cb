package org.participe.ideas.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import org.participe.ideas.IdeaCard;

/** One idea in a list, readable on a phone: the whole title is the link to its page. */
class IdeaCardView extends Composite<Article> {

    IdeaCardView(IdeaCard idea, TownNames names) {
        Article card = getContent();
        card.addClassName("idea-card");
        if (idea.hasPhoto()) {
            Image thumbnail = new Image("media/ideas/" + idea.id() + "/thumbnail.jpg", "");
            thumbnail.addClassName("idea-card-photo");
            thumbnail.getElement().setAttribute("loading", "lazy");
            card.add(thumbnail);
        }
        Div body = new Div();
        body.addClassName("idea-card-body");
        Anchor link = new Anchor("ideas/" + idea.id(), idea.title());
        H3 title = new H3(link);
        title.addClassName("idea-card-title");
        Paragraph excerpt = new Paragraph(idea.excerpt().length() >= 220 ? idea.excerpt() + "…" : idea.excerpt());
        excerpt.addClassName("idea-card-excerpt");
        Div tags = new Div(IdeaBadges.status(this, idea.status()),
                tag(names.category(idea.categoryId(), getLocale())),
                tag(names.neighbourhood(idea.neighbourhoodId(), getTranslation("idea.whole-town"))));
        tags.addClassName("idea-tags");
        Div counts = new Div(count("idea.supports", idea.supportCount()), count("idea.comments", idea.commentCount()));
        counts.addClassName("idea-counts");
        body.add(title, tags, excerpt, counts);
        card.add(body);
    }

    private static Span tag(String text) {
        Span tag = new Span(text);
        tag.addClassName("idea-tag");
        return tag;
    }

    private Span count(String key, int value) {
        Span count = new Span(getTranslation(key, value));
        count.addClassName("idea-count");
        return count;
    }
}
