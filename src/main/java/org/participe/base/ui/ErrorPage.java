package org.participe.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The shared look of the friendly error pages: a title, an explanation, a way home. */
abstract class ErrorPage extends Composite<VerticalLayout> {

    protected void show(String title, String... paragraphs) {
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
