package org.participe.initiatives.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.ui.QueryParams;
import org.participe.initiatives.InitiativeCard;
import org.participe.initiatives.InitiativeFilter;
import org.participe.initiatives.InitiativeService;
import org.participe.initiatives.InitiativeStatus;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/** The town's initiatives; filters in the URL; staff also see drafts and can create one. */
@Route("initiatives")
@AnonymousAllowed
@Menu(title = "menu.initiatives", order = 2, icon = "vaadin:flag-o")
public class InitiativesView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private static final int PAGE = 12;

    private final InitiativeService initiatives;
    private final Map<Long, Category> categories;
    private final Select<InitiativeStatus> status = new Select<>();
    private final ComboBox<Category> category = new ComboBox<>();
    private final ComboBox<Neighbourhood> neighbourhood = new ComboBox<>();
    private final Div list = new Div();
    private final Paragraph summary = new Paragraph();
    private final Button more = new Button();
    private InitiativeFilter filter = InitiativeFilter.all();
    private int loaded;
    private boolean applyingUrl;

    public InitiativesView(InitiativeService initiatives, TownService town) {
        this.initiatives = initiatives;
        this.categories = town.categories().stream().collect(Collectors.toMap(Category::id, Function.identity()));
        VerticalLayout layout = getContent();
        layout.setPadding(false);
        layout.addClassName("ideas-page");

        status.setLabel(getTranslation("ideas.status"));
        status.setItems(InitiativeStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("ideas.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("ideas.all") : getTranslation("initiative.status." + s.name()));
        category.setLabel(getTranslation("ideas.category"));
        category.setItems(town.activeCategories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("ideas.all"));
        neighbourhood.setLabel(getTranslation("ideas.neighbourhood"));
        neighbourhood.setItems(town.activeNeighbourhoods());
        neighbourhood.setItemLabelGenerator(Neighbourhood::name);
        neighbourhood.setClearButtonVisible(true);
        neighbourhood.setPlaceholder(getTranslation("ideas.all"));
        status.addValueChangeListener(e -> changed());
        category.addValueChangeListener(e -> changed());
        neighbourhood.addValueChangeListener(e -> changed());
        Div filters = new Div(status, category, neighbourhood);
        filters.addClassNames("idea-filters", "initiative-filters");
        filters.getElement().setAttribute("role", "search");

        Div header = new Div(new H1(getTranslation("initiatives.title")));
        header.addClassName("page-header");
        if (initiatives.mayCreate()) {
            Anchor create = new Anchor("initiatives/new", getTranslation("initiatives.create"));
            create.addClassNames("button-link", "button-link-solid");
            header.add(create);
        }
        list.addClassName("idea-list");
        summary.addClassName("ideas-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        more.setText(getTranslation("ideas.more"));
        more.addClickListener(e -> loadMore());
        layout.add(header, new Paragraph(getTranslation("initiatives.intro")), filters, summary, list, more);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams query = QueryParams.of(event.getLocation().getQueryParameters());
        applyingUrl = true;
        try {
            status.setValue(query.choice("status", InitiativeStatus.class).orElse(null));
            category.setValue(query.id("category")
                    .flatMap(id -> category.getListDataView().getItems().filter(c -> c.id() == id).findFirst()).orElse(null));
            neighbourhood.setValue(query.id("neighbourhood")
                    .flatMap(id -> neighbourhood.getListDataView().getItems().filter(n -> n.id() == id).findFirst()).orElse(null));
        } finally {
            applyingUrl = false;
        }
        filter = new InitiativeFilter(status.getValue(), category.getOptionalValue().map(Category::id).orElse(null),
                neighbourhood.getOptionalValue().map(Neighbourhood::id).orElse(null));
        list.removeAll();
        loaded = 0;
        long total = initiatives.count(filter);
        summary.setText(total == 0 ? getTranslation("initiatives.none") : getTranslation("initiatives.count", total));
        loadMore();
    }

    private void changed() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> query = new HashMap<>();
        status.getOptionalValue().ifPresent(s -> query.put("status", s.name()));
        category.getOptionalValue().ifPresent(c -> query.put("category", String.valueOf(c.id())));
        neighbourhood.getOptionalValue().ifPresent(n -> query.put("neighbourhood", String.valueOf(n.id())));
        getUI().ifPresent(ui -> ui.navigate(InitiativesView.class, QueryParameters.simple(query)));
    }

    private void loadMore() {
        List<InitiativeCard> page = initiatives.list(filter, loaded, PAGE);
        page.forEach(card -> list.add(new InitiativeCardView(card, categories.get(card.categoryId()), null, 2)));
        loaded += page.size();
        more.setVisible(page.size() == PAGE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("initiatives.title") + " · " + getTranslation("app.name");
    }
}
