package org.participe.initiatives.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Article;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.participe.base.content.ContentKey;
import org.participe.initiatives.InitiativeCard;
import org.participe.town.Category;

/** One initiative in a list: title link, status, phase, progress in words and as a bar. */
public class InitiativeCardView extends Composite<Article> {

    /** A card under a section heading (h2): its title is an h3. */
    public InitiativeCardView(InitiativeCard initiative, Category category, String extra) {
        this(initiative, category, extra, 3);
    }

    /** A card whose title has the given heading level: 2 right under the page's h1, 3 under a section's h2. */
    public InitiativeCardView(InitiativeCard initiative, Category category, String extra, int headingLevel) {
        Article card = getContent();
        card.addClassNames("idea-card", "initiative-card");
        if (initiative.hasCover()) {
            Image cover = new Image(
                    "media/initiatives/" + initiative.id() + "/cover-thumbnail.jpg", "");
            // Described when staff described it; an older cover stays decorative here, beside the title's link.
            if (initiative.coverDescription() != null) {
                cover.setAlt(initiative.coverDescription());
                cover.getElement().setAttribute("lang", initiative.lang());
            }
            cover.addClassName("idea-card-photo");
            cover.getElement().setAttribute("loading", "lazy");
            card.add(cover);
        }
        Div body = new Div();
        body.addClassName("idea-card-body");
        HtmlContainer title = headingLevel == 2 ? new H2() : new H3();
        title.add(new Anchor(ContentKey.initiative(initiative.id()).path(), initiative.title()));
        title.addClassName("idea-card-title");
        title.getElement().setAttribute("lang", initiative.lang());
        Div tags = new Div(InitiativeBadges.status(this, initiative.status()));
        if (category != null) {
            Span tag = new Span(category.name(getLocale()));
            tag.addClassName("idea-tag");
            tags.add(tag);
        }
        if (!initiative.published()) {
            Span draft = new Span(getTranslation("initiative.draft"));
            draft.addClassNames("idea-tag", "idea-status-pending");
            tags.add(draft);
        }
        tags.addClassName("idea-tags");
        Paragraph summary = new Paragraph(initiative.summary());
        summary.addClassName("idea-card-excerpt");
        summary.getElement().setAttribute("lang", initiative.lang());
        body.add(title, tags, summary);
        if (initiative.currentPhase() != null) {
            body.add(new Paragraph(getTranslation("initiative.current-phase", initiative.currentPhase())));
        }
        ProgressBar progress = new ProgressBar(0, 100, initiative.progress());
        progress.getElement().setAttribute("aria-label", getTranslation("initiative.progress", initiative.progress()));
        Span progressText = new Span(getTranslation("initiative.progress", initiative.progress()));
        progressText.addClassName("idea-count");
        body.add(progress, progressText);
        if (extra != null) {
            Span note = new Span(extra);
            note.addClassNames("idea-tag", "idea-threshold");
            body.add(new Div(note));
        }
        card.add(body);
    }
}
