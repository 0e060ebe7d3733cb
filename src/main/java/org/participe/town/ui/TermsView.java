package org.participe.town.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.town.TownService;

/** The terms of use that every resident accepts when signing up. */
@Route("terms")
@AnonymousAllowed
public class TermsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    static final int SECTIONS = 6;

    public TermsView(TownService town) {
        VerticalLayout layout = getContent();
        layout.addClassName("text-page");
        layout.add(new H1(getTranslation("terms.title")), new Paragraph(getTranslation("terms.intro", town.townName())));
        for (int i = 1; i <= SECTIONS; i++) {
            layout.add(new H2(getTranslation("terms." + i + ".title")), new Paragraph(getTranslation("terms." + i + ".text")));
        }
        layout.add(new Paragraph(new Anchor("signup", getTranslation("home.cta.join")), new Text(" · "),
                new Anchor(".", getTranslation("error.back-home"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("terms.title") + " · " + getTranslation("app.name");
    }
}
