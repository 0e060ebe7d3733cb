package org.participe.town.ui;

import java.time.Duration;
import java.time.Period;

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
import org.springframework.beans.factory.annotation.Value;

/**
 * What personal data the platform keeps, for how long, what is public, which cookies it sets
 * (only necessary ones) and how to use one's rights. The retention periods shown are the ones
 * configured for the nightly clean-up, so the page cannot promise other durations.
 */
@Route("privacy")
@AnonymousAllowed
public class PrivacyView extends Composite<VerticalLayout> implements HasDynamicTitle {

    static final int SECTIONS = 5;

    public PrivacyView(TownService town,
                       @Value("${participe.retention.unconfirmed-accounts:30d}") Duration unconfirmedAccounts,
                       @Value("${participe.retention.login-history:P12M}") Period loginHistory) {
        VerticalLayout layout = getContent();
        layout.addClassName("text-page");
        layout.add(new H1(getTranslation("privacy.title")), new Paragraph(getTranslation("privacy.intro", town.townName())));
        for (int i = 1; i <= SECTIONS; i++) {
            layout.add(new H2(getTranslation("privacy." + i + ".title")),
                    new Paragraph(getTranslation("privacy." + i + ".text", unconfirmedAccounts.toDays(), loginHistory.toTotalMonths())));
        }
        layout.add(new Paragraph(new Anchor("my-data", getTranslation("my-data.link"))));
        layout.add(new Paragraph(new Anchor("terms", getTranslation("terms.title")), new Text(" · "),
                new Anchor(".", getTranslation("error.back-home"))));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.title") + " · " + getTranslation("app.name");
    }
}
