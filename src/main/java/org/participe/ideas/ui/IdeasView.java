package org.participe.ideas.ui;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.base.ui.QueryParams;
import org.participe.ideas.IdeaCard;
import org.participe.ideas.IdeaFilter;
import org.participe.ideas.IdeaService;
import org.participe.ideas.IdeaSort;
import org.participe.ideas.IdeaStatus;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/**
 * The public list of ideas. Filters and order live in the URL query, so that a link reproduces
 * the view and Back works; ideas load a page at a time.
 */
@Route("ideas")
@AnonymousAllowed
@Menu(title = "menu.ideas", order = 1, icon = "vaadin:lightbulb")
public class IdeasView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 12;
    /** Past this many matching ideas, the list says "more than" instead of counting them all. */
    static final int COUNT_LIMIT = 1000;
    /** Neighbourhood choice meaning "about the whole town". */
    private static final Neighbourhood WHOLE_TOWN = new Neighbourhood(IdeaFilter.WHOLE_TOWN, "", true, 0);

    private final IdeaService ideas;
    private final TownNames names;
    final TextField search = new TextField();
    final ComboBox<Category> category = new ComboBox<>();
    final ComboBox<Neighbourhood> neighbourhood = new ComboBox<>();
    final Select<IdeaStatus> status = new Select<>();
    final Select<IdeaSort> sort = new Select<>();
    private final Div list = new Div();
    private final Paragraph summary = new Paragraph();
    private final Button more = new Button();
    private IdeaFilter filter = IdeaFilter.all(IdeaSort.NEWEST);
    private int loaded;
    private boolean applyingUrl;

    public IdeasView(IdeaService ideas, TownService town) {
        this.ideas = ideas;
        this.names = TownNames.of(town);
        VerticalLayout layout = getContent();
        layout.addClassName("ideas-page");
        layout.setPadding(false);

        search.setLabel(getTranslation("ideas.search"));
        search.setPlaceholder(getTranslation("ideas.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(500);

        category.setLabel(getTranslation("ideas.category"));
        category.setItems(town.activeCategories());
        category.setItemLabelGenerator(c -> c.name(getLocale()));
        category.setClearButtonVisible(true);
        category.setPlaceholder(getTranslation("ideas.all"));

        neighbourhood.setLabel(getTranslation("ideas.neighbourhood"));
        neighbourhood.setItems(withWholeTown(town.activeNeighbourhoods()));
        neighbourhood.setItemLabelGenerator(n -> n.id() == IdeaFilter.WHOLE_TOWN ? getTranslation("idea.whole-town") : n.name());
        neighbourhood.setClearButtonVisible(true);
        neighbourhood.setPlaceholder(getTranslation("ideas.all"));

        status.setLabel(getTranslation("ideas.status"));
        status.setItems(IdeaStatus.PUBLIC.stream().toList());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(getTranslation("ideas.all"));
        status.setItemLabelGenerator(s -> s == null ? getTranslation("ideas.all") : getTranslation("idea.status." + s.name()));

        sort.setLabel(getTranslation("ideas.sort"));
        sort.setItems(IdeaSort.values());
        sort.setItemLabelGenerator(s -> getTranslation("ideas.sort." + s.name()));
        sort.setValue(IdeaSort.NEWEST);

        search.addValueChangeListener(e -> filtersChanged());
        category.addValueChangeListener(e -> filtersChanged());
        neighbourhood.addValueChangeListener(e -> filtersChanged());
        status.addValueChangeListener(e -> filtersChanged());
        sort.addValueChangeListener(e -> filtersChanged());

        Div filters = new Div(search, category, neighbourhood, status, sort);
        filters.addClassName("idea-filters");
        filters.getElement().setAttribute("role", "search");

        Anchor propose = new Anchor("ideas/new", getTranslation("ideas.propose"));
        propose.addClassNames("button-link", "button-link-solid");
        propose.setVisible(ideas.proposalAccess().offered());

        summary.addClassName("ideas-summary");
        summary.getElement().setAttribute("aria-live", "polite");
        list.addClassName("idea-list");
        more.setId("ideas-more");
        more.setText(getTranslation("ideas.more"));
        more.addThemeVariants(ButtonVariant.LUMO_CONTRAST);
        more.addClickListener(e -> loadMore());

        Div header = new Div(new H1(getTranslation("ideas.title")), propose);
        header.addClassName("page-header");
        layout.add(header, filters, summary, list, more);
    }

    private static List<Neighbourhood> withWholeTown(List<Neighbourhood> neighbourhoods) {
        List<Neighbourhood> all = new ArrayList<>();
        all.add(WHOLE_TOWN);
        all.addAll(neighbourhoods);
        return all;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams query = QueryParams.of(event.getLocation().getQueryParameters());
        applyingUrl = true;
        try {
            search.setValue(query.text("q").orElse(""));
            category.setValue(query.id("category")
                    .flatMap(id -> category.getListDataView().getItems().filter(c -> c.id() == id).findFirst()).orElse(null));
            neighbourhood.setValue(query.id("neighbourhood")
                    .flatMap(id -> neighbourhood.getListDataView().getItems().filter(n -> n.id() == id).findFirst()).orElse(null));
            status.setValue(query.choice("status", IdeaStatus.class).filter(IdeaStatus.PUBLIC::contains).orElse(null));
            sort.setValue(query.choice("sort", IdeaSort.class).orElse(IdeaSort.NEWEST));
        } finally {
            applyingUrl = false;
        }
        filter = currentFilter();
        reload();
    }

    private void filtersChanged() {
        if (applyingUrl) {
            return;
        }
        Map<String, String> query = new HashMap<>();
        if (!search.getValue().isBlank()) {
            query.put("q", search.getValue().strip());
        }
        category.getOptionalValue().ifPresent(c -> query.put("category", String.valueOf(c.id())));
        neighbourhood.getOptionalValue().ifPresent(n -> query.put("neighbourhood", String.valueOf(n.id())));
        status.getOptionalValue().ifPresent(s -> query.put("status", s.name()));
        if (sort.getValue() != null && sort.getValue() != IdeaSort.NEWEST) {
            query.put("sort", sort.getValue().name());
        }
        getUI().ifPresent(ui -> ui.navigate(IdeasView.class, QueryParameters.simple(query)));
    }

    private IdeaFilter currentFilter() {
        return new IdeaFilter(search.getValue(), category.getOptionalValue().map(Category::id).orElse(null),
                neighbourhood.getOptionalValue().map(Neighbourhood::id).orElse(null), status.getValue(), sort.getValue());
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        long total = ideas.countUpTo(filter, COUNT_LIMIT);
        summary.setText(total == 0 ? getTranslation("ideas.none")
                : total > COUNT_LIMIT ? getTranslation("ideas.count.more", COUNT_LIMIT) : getTranslation("ideas.count", total));
        loadMore();
    }

    private void loadMore() {
        List<IdeaCard> page = ideas.list(filter, loaded, PAGE_SIZE);
        page.forEach(card -> list.add(IdeaCardView.of(card, names, this, 2)));
        loaded += page.size();
        more.setVisible(page.size() == PAGE_SIZE);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("ideas.title") + " · " + getTranslation("app.name");
    }
}
