package org.participe.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.security.CurrentUser;
import org.participe.town.TownProfile;
import org.participe.town.TownService;

/**
 * The front page: what the platform is for, how to take part, and the places where the town's
 * ideas and initiatives will appear.
 */
@Route("")
@AnonymousAllowed
@Menu(title = "menu.home", order = 0, icon = "vaadin:home")
public class HomeView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private final TownProfile town;

    public HomeView(TownService townService, CurrentUser currentUser) {
        this.town = townService.profile();
        VerticalLayout layout = getContent();
        layout.addClassName("home");
        layout.setPadding(false);

        Section hero = new Section();
        hero.addClassName("hero");
        hero.add(new H1(getTranslation("home.title", town.name())));
        hero.add(new Paragraph(town.description().isBlank() ? getTranslation("home.tagline") : town.description()));
        Div actions = new Div();
        actions.addClassName("hero-actions");
        if (currentUser.get().isEmpty()) {
            actions.add(button("signup", "home.cta.join", true), button("login", "home.cta.login", false));
        } else {
            actions.add(button("profile", "home.cta.profile", false));
        }
        hero.add(actions);

        Section how = new Section();
        how.addClassName("home-section");
        OrderedList steps = new OrderedList();
        steps.addClassName("steps");
        for (String step : new String[]{"propose", "support", "follow", "answer"}) {
            steps.add(new ListItem(new H3(getTranslation("home.step." + step + ".title")),
                    new Paragraph(getTranslation("home.step." + step + ".text"))));
        }
        how.add(new H2(getTranslation("home.how.title")), steps);

        layout.add(hero, how,
                placeholder("home.ideas.title", "home.ideas.placeholder"),
                placeholder("home.initiatives.title", "home.initiatives.placeholder"),
                inclusion());
    }

    private Component button(String href, String key, boolean primary) {
        Anchor link = new Anchor(href, getTranslation(key));
        link.addClassNames("button-link", primary ? "button-link-primary" : "button-link-secondary");
        return link;
    }

    private Section placeholder(String titleKey, String textKey) {
        Section section = new Section();
        section.addClassNames("home-section", "card");
        section.add(new H2(getTranslation(titleKey)), new Paragraph(getTranslation(textKey)));
        return section;
    }

    private Section inclusion() {
        Section section = new Section();
        section.addClassName("home-section");
        section.add(new H2(getTranslation("home.inclusion.title")), new Paragraph(getTranslation("home.inclusion.text")));
        return section;
    }

    @Override
    public String getPageTitle() {
        return town.name() + " · " + getTranslation("app.name");
    }
}
