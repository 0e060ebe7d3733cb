package org.participe.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The shared look of the friendly error pages: a title, an explanation, a way home. The page title is given
 * through {@link HasDynamicTitle}: the router sets the document title after the error page is shown, so a
 * title set by hand was replaced by an empty one (axe: document-title).
 */
abstract class ErrorPage extends Composite<VerticalLayout> implements HasDynamicTitle {

    private String title = "";

    @Override
    public String getPageTitle() {
        return title + " · " + getTranslation("app.name");
    }

    protected void show(String title, String... paragraphs) {
        this.title = title;
        VerticalLayout layout = getContent();
        layout.removeAll();
        layout.addClassName("narrow-page");
        layout.add(new H1(title));
        for (String paragraph : paragraphs) {
            layout.add(new Paragraph(paragraph));
        }
        layout.add(new Anchor(".", getTranslation("error.back-home")));
    }
}
