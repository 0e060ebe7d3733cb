package org.participe.home.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
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
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaSort;
import org.participe.ideas.ui.IdeaCards;
import org.participe.initiatives.InitiativeFilter;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.initiatives.ui.InitiativeCardView;
import org.participe.security.CurrentUser;
import org.participe.town.Category;
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
    private final IdeaCards.Names names;

    public HomeView(TownService townService, CurrentUser currentUser, IdeaService ideas, InitiativeService initiatives) {
        this.town = townService.profile();
        this.names = IdeaCards.names(townService);
        VerticalLayout layout = getContent();
        layout.addClassName("home");
        layout.setPadding(false);

        Section hero = new Section();
        hero.addClassName("hero");
        hero.add(new H1(getTranslation("home.title", town.name())));
        hero.add(presentation());
        Div actions = new Div();
        actions.addClassName("hero-actions");
        if (ideas.proposalAccess().offered()) {
            actions.add(button("ideas/new", "home.cta.propose", true));
        }
        if (currentUser.get().isEmpty()) {
            actions.add(button("signup", "home.cta.join", false));
        } else {
            actions.add(button("ideas", "home.cta.browse", !ideas.proposalAccess().offered()));
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
                ideas("home.ideas.latest", ideas.list(IdeaFilter.all(IdeaSort.NEWEST), 0, 4), "ideas"),
                ideas("home.ideas.supported", ideas.list(IdeaFilter.all(IdeaSort.SUPPORTED), 0, 4), "ideas?sort=SUPPORTED"),
                initiativesSection(initiatives, townService),
                transparency(),
                inclusion());
    }

    /**
     * The town's presentation in the interface's language when the town wrote one (the French one
     * otherwise, marked as French for screen readers), or the platform's tagline.
     */
    private Paragraph presentation() {
        Paragraph text = new Paragraph(getTranslation("home.tagline"));
        town.presentation(getLocale()).ifPresent(presentation -> {
            text.setText(presentation.text());
            text.getElement().setAttribute("lang", presentation.language());
        });
        text.addClassName("town-presentation");
        return text;
    }

    private Component button(String href, String key, boolean primary) {
        Anchor link = new Anchor(href, getTranslation(key));
        link.addClassNames("button-link", primary ? "button-link-primary" : "button-link-secondary");
        return link;
    }

    private Section ideas(String titleKey, List<IdeaCard> cards, String moreLink) {
        Section section = new Section();
        section.addClassName("home-section");
        Div list = new Div();
        list.addClassName("idea-list");
        cards.forEach(card -> list.add(IdeaCards.card(card, names, this)));
        section.add(new H2(getTranslation(titleKey)));
        if (cards.isEmpty()) {
            section.add(new Paragraph(getTranslation("home.ideas.placeholder")));
        } else {
            section.add(list, new Anchor(moreLink, getTranslation("home.ideas.all")));
        }
        return section;
    }

    private Section initiativesSection(InitiativeService initiatives, TownService townService) {
        Section section = new Section();
        section.addClassName("home-section");
        section.add(new H2(getTranslation("home.initiatives.title")));
        var current = initiatives.list(new InitiativeFilter(InitiativeStatus.IN_PROGRESS, null, null), 0, 3);
        var consultations = initiatives.list(new InitiativeFilter(InitiativeStatus.CONSULTATION, null, null), 0, 3);
        var categories = townService.categories().stream().collect(Collectors.toMap(Category::id, c -> c));
        Div list = new Div();
        list.addClassName("idea-list");
        Stream.concat(consultations.stream(), current.stream()).limit(4)
                .filter(card -> card.published())
                .forEach(card -> list.add(new InitiativeCardView(card, categories.get(card.categoryId()), null)));
        if (list.getComponentCount() == 0) {
            section.add(new Paragraph(getTranslation("home.initiatives.placeholder")));
        } else {
            section.add(list, new Anchor("initiatives", getTranslation("home.initiatives.all")));
        }
        return section;
    }

    /** The town's figures and its answers' follow-up, open to everyone: the labels' promise of transparency. */
    private Section transparency() {
        Section section = new Section();
        section.addClassName("home-section");
        section.add(new H2(getTranslation("home.transparency.title")), new Paragraph(getTranslation("home.transparency.text")),
                new Paragraph(new Anchor("figures", getTranslation("menu.figures")), new Text(" · "),
                        new Anchor("follow-up", getTranslation("menu.follow-up"))));
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
