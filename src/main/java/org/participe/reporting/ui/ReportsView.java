package org.participe.reporting.ui;

import java.io.OutputStream;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.TownZone;
import org.participe.base.ui.QueryParams;
import org.participe.reporting.ExportFormat;
import org.participe.reporting.ExportKind;
import org.participe.reporting.ReportFilter;
import org.participe.reporting.ReportPeriod;
import org.participe.reporting.ReportingService;
import org.participe.security.Roles;
import org.participe.town.Category;
import org.participe.town.Neighbourhood;
import org.participe.town.TownService;

/**
 * The staff's dashboard: a period and filters kept in the URL, the catalogue's figures with their
 * change and definition, charts each with its data table, and the exports of what is shown.
 */
@Route("reports")
@RolesAllowed({Roles.STAFF, Roles.ADMIN})
@Menu(title = "menu.reports", order = 60, icon = "vaadin:chart-grid")
public class ReportsView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    enum Span { MONTH, YEAR, CUSTOM }

    private final ReportingService reporting;
    private final TownService town;
    private final Clock clock;
    private final Select<Span> span = new Select<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Select<Long> neighbourhood = new Select<>();
    private final Select<Long> category = new Select<>();
    private final Div content = new Div();
    private ReportPeriod period;
    private ReportFilter filter = ReportFilter.none();

    public ReportsView(ReportingService reporting, TownService town, Clock clock) {
        this.reporting = reporting;
        this.town = town;
        this.clock = clock;
        VerticalLayout layout = getContent();
        layout.addClassName("reports-page");
        List<Neighbourhood> neighbourhoods = town.neighbourhoods();
        List<Category> categories = town.categories();

        span.setLabel(getTranslation("reports.period"));
        span.setItems(Span.values());
        span.setItemLabelGenerator(value -> getTranslation("reports.period." + value.name()));
        from.setLabel(getTranslation("reports.from"));
        to.setLabel(getTranslation("reports.to"));
        neighbourhood.setLabel(getTranslation("reports.neighbourhood"));
        neighbourhood.setItems(concat(-1L, 0L, neighbourhoods.stream().map(Neighbourhood::id).toList()));
        neighbourhood.setItemLabelGenerator(id -> id == -1 ? getTranslation("reports.all") : id == 0 ? getTranslation("idea.whole-town")
                : neighbourhoods.stream().filter(n -> n.id() == id).findFirst().map(Neighbourhood::name).orElse(""));
        category.setLabel(getTranslation("reports.category"));
        category.setItems(concat(-1L, null, categories.stream().map(Category::id).toList()));
        category.setItemLabelGenerator(id -> id == -1 ? getTranslation("reports.all")
                : categories.stream().filter(c -> c.id() == id).findFirst().map(c -> c.name(getLocale())).orElse(""));
        span.addValueChangeListener(e -> { if (e.isFromClient()) { navigate(); } });
        from.addValueChangeListener(e -> { if (e.isFromClient()) { navigate(); } });
        to.addValueChangeListener(e -> { if (e.isFromClient()) { navigate(); } });
        neighbourhood.addValueChangeListener(e -> { if (e.isFromClient()) { navigate(); } });
        category.addValueChangeListener(e -> { if (e.isFromClient()) { navigate(); } });
        Div filters = new Div(span, from, to, neighbourhood, category);
        filters.addClassName("filters");
        content.addClassName("reports-content");
        content.setWidthFull();
        layout.add(new H1(getTranslation("reports.title")), new Paragraph(getTranslation("reports.intro", TownZone.zone().getId())), filters, content);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams params = QueryParams.of(event.getLocation().getQueryParameters());
        Span chosen = params.choice("period", Span.class).orElse(Span.YEAR);
        LocalDate today = LocalDate.now(clock.withZone(TownZone.zone()));
        LocalDate first = params.date("from").orElse(null);
        LocalDate last = params.date("to").orElse(null);
        period = switch (chosen) {
            case MONTH -> ReportPeriod.thisMonth(clock);
            case YEAR -> ReportPeriod.last12Months(clock);
            case CUSTOM -> first != null && last != null && !last.isBefore(first) && !last.isAfter(today)
                    && first.plusDays(ReportPeriod.MAX_DAYS).isAfter(last) ? new ReportPeriod(first, last) : ReportPeriod.last12Months(clock);
        };
        Long nb = params.id("nb").orElse(null);
        Long cat = params.id("cat").orElse(null);
        filter = new ReportFilter(nb, cat);
        span.setValue(chosen);
        from.setValue(period.first());
        to.setValue(period.last());
        from.setVisible(chosen == Span.CUSTOM);
        to.setVisible(chosen == Span.CUSTOM);
        from.setMax(today);
        to.setMax(today);
        neighbourhood.setValue(nb == null ? -1L : nb);
        category.setValue(cat == null ? -1L : cat);
        render();
    }

    private void navigate() {
        Map<String, String> query = new HashMap<>();
        query.put("period", span.getValue().name());
        if (span.getValue() == Span.CUSTOM && from.getValue() != null && to.getValue() != null) {
            query.put("from", from.getValue().toString());
            query.put("to", to.getValue().toString());
        }
        if (neighbourhood.getValue() != null && neighbourhood.getValue() >= 0) {
            query.put("nb", String.valueOf(neighbourhood.getValue()));
        }
        if (category.getValue() != null && category.getValue() >= 0) {
            query.put("cat", String.valueOf(category.getValue()));
        }
        UI.getCurrent().navigate(ReportsView.class, QueryParameters.simple(query));
    }

    private void render() {
        content.removeAll();
        List<Category> categories = town.categories();
        content.add(new H2(getTranslation("reports.figures", format(period.first()), format(period.last()))),
                ReportSections.figures(this, reporting.figures(period, filter)));
        UnorderedList exports = new UnorderedList();
        exports.addClassName("exports");
        String townName = Normalizer.normalize(town.profile().name(), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        for (ExportKind kind : ExportKind.values()) {
            ListItem item = new ListItem(new com.vaadin.flow.component.html.Span(getTranslation("reports.export." + kind.name()) + " : "));
            for (ExportFormat format : ExportFormat.values()) {
                item.add(download(kind, format, townName));
            }
            exports.add(item);
        }
        content.add(new H2(getTranslation("reports.exports")), exports);
        Div charts = new Div(ReportSections.weekly(this, reporting.weeklyActivity(period, filter), true),
                ReportSections.groups(this, "reports.chart.neighbourhoods", "reports.column.neighbourhood",
                        reporting.byNeighbourhood(period, filter), group -> ReportSections.neighbourhoodName(this, group)),
                ReportSections.groups(this, "reports.chart.categories", "reports.column.category",
                        reporting.byCategory(period, filter), group -> ReportSections.categoryName(this, categories, group)),
                ReportSections.funnel(this, reporting.statusFunnel(period, filter)),
                ReportSections.answerTimes(this, reporting.answerTimes(period, filter)));
        charts.addClassName("charts");
        content.add(charts, new RepresentationTable(reporting.representativeness(period, filter), reporting.referencePopulation()));
    }

    /** A download of what the dashboard shows; the file name carries the town and the date. */
    private Anchor download(ExportKind kind, ExportFormat format, String townName) {
        UI ui = UI.getCurrent();
        ReportPeriod shownPeriod = period;
        ReportFilter shownFilter = filter;
        Anchor anchor = new Anchor((DownloadEvent event) -> {
            event.setFileName("participe-" + townName + "-" + kind.fileWord() + "-" + LocalDate.now(clock.withZone(TownZone.zone()))
                    + "." + format.extension());
            event.setContentType(format.contentType());
            try (OutputStream out = event.getOutputStream()) {
                reporting.export(kind, format, shownPeriod, shownFilter, ui::getTranslation, out);
            }
        }, format.name());
        anchor.addClassName("export-link");
        anchor.setId("export-" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + format.extension());
        anchor.getElement().setAttribute("aria-label", getTranslation("reports.export.label", getTranslation("reports.export." + kind.name()),
                format.name()));
        return anchor;
    }

    private String format(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(getLocale()));
    }


    private static List<Long> concat(Long first, Long second, List<Long> rest) {
        List<Long> all = new ArrayList<>();
        all.add(first);
        if (second != null) {
            all.add(second);
        }
        all.addAll(rest);
        return all;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reports.title") + " · " + getTranslation("app.name");
    }
}
