package org.participe.moderation.ui;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;


import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadEvent;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.TownZone;
import org.participe.base.content.ContentKind;
import org.participe.base.ui.QueryParams;
import org.participe.moderation.AuditEntry;
import org.participe.moderation.AuditFilter;
import org.participe.moderation.AuditTexts;
import org.participe.moderation.ModerationAudit;
import org.participe.security.Roles;

/** The moderation audit for officials and administrators: filters in the URL, a lazy list, and the same lines as CSV. */
@Route("moderation/audit")
@RolesAllowed({Roles.OFFICIAL, Roles.ADMIN})
@Menu(title = "menu.moderation.audit", order = 52, icon = "vaadin:list-ol")
public class ModerationAuditView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final ModerationAudit audit;
    private final Select<String> action = new Select<>();
    private final Select<String> type = new Select<>();
    private final TextField person = new TextField();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Grid<AuditEntry> grid = new Grid<>();
    private AuditFilter filter = AuditFilter.none();

    public ModerationAuditView(ModerationAudit audit) {
        this.audit = audit;
        VerticalLayout layout = getContent();
        layout.setSizeFull();
        layout.addClassName("moderation-page");
        DateTimeFormatter times = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale())
                .withZone(TownZone.zone());

        action.setLabel(getTranslation("audit.filter.action"));
        action.setItems(concat("", ModerationAudit.ACTIONS));
        action.setItemLabelGenerator(value -> value.isEmpty() ? getTranslation("audit.filter.all") : getTranslation("audit.action." + value));
        type.setLabel(getTranslation("moderation.kind"));
        type.setItems(Stream.concat(Stream.of(""), audit.kinds().stream().map(ContentKind::name)).toList());
        type.setItemLabelGenerator(value -> getTranslation(value.isEmpty() ? "moderation.kind.all" : "moderation.kind." + value));
        person.setLabel(getTranslation("audit.filter.person"));
        person.setClearButtonVisible(true);
        person.setValueChangeMode(ValueChangeMode.LAZY);
        person.setPrefixComponent(VaadinIcon.SEARCH.create());
        from.setLabel(getTranslation("audit.filter.from"));
        to.setLabel(getTranslation("audit.filter.to"));
        action.addValueChangeListener(change -> onFilter(change.isFromClient()));
        type.addValueChangeListener(change -> onFilter(change.isFromClient()));
        person.addValueChangeListener(change -> onFilter(change.isFromClient()));
        from.addValueChangeListener(change -> onFilter(change.isFromClient()));
        to.addValueChangeListener(change -> onFilter(change.isFromClient()));
        Div filters = new Div(action, type, person, from, to);
        filters.addClassName("filters");

        Locale locale = getLocale();
        Anchor csv = new Anchor((DownloadEvent event) -> {
            event.setFileName("moderation-audit-" + LocalDate.now(TownZone.zone()) + ".csv");
            event.setContentType("text/csv; charset=UTF-8");
            try (Writer writer = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                audit.writeCsv(filter, writer, locale);
            }
        }, getTranslation("audit.export"));
        csv.addClassNames("button-link", "button-link-outline");
        csv.setId("audit-export");

        grid.addColumn(entry -> times.format(entry.occurredAt())).setHeader(getTranslation("audit.column.when")).setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::entry).setHeader(getTranslation("audit.column.entry")).setFlexGrow(1);
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.getElement().setAttribute("aria-label", getTranslation("audit.title"));
        grid.setEmptyStateText(getTranslation("audit.empty"));
        grid.setWidthFull();
        grid.setHeight("75vh");
        grid.setMinHeight("24rem");
        layout.add(new H1(getTranslation("audit.title")), filters, csv, grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParams params = QueryParams.of(event.getLocation().getQueryParameters());
        filter = new AuditFilter(params.text("action").filter(ModerationAudit.ACTIONS::contains).orElse(null),
                params.text("type").flatMap(ContentKind::find).filter(audit.kinds()::contains).orElse(null),
                params.text("person").orElse(null), params.date("from").orElse(null), params.date("to").orElse(null));
        action.setValue(filter.action() == null ? "" : filter.action());
        type.setValue(filter.kind() == null ? "" : filter.kind().name());
        person.setValue(filter.person() == null ? "" : filter.person());
        from.setValue(filter.from());
        to.setValue(filter.to());
        AuditFilter shown = filter;
        grid.setItems(query -> audit.entries(shown, query.getOffset(), query.getLimit()).stream());
    }

    /** One entry on a few short lines, readable on a phone: who did what to which item, why, and the change. */
    private Div entry(AuditEntry entry) {
        Div card = new Div();
        card.addClassName("inbox-item");
        AuditTexts.Translator t = this::getTranslation;
        Span action = new Span(AuditTexts.action(entry.action(), t));
        action.addClassName("inbox-title");
        Div head = new Div(action, new Span(getTranslation("audit.by", entry.actorName() == null ? getTranslation("audit.system") : entry.actorName())));
        head.addClassName("inbox-head");
        card.add(head);
        Div meta = new Div();
        meta.addClassName("inbox-meta");
        if (entry.content() != null) {
            String content = AuditTexts.content(entry.content(), t);
            meta.add(entry.contentPath() == null ? new Span(content) : new Anchor(entry.contentPath(), content));
        }
        if (entry.targetName() != null) {
            meta.add(new Span(getTranslation("audit.concerning", entry.targetName())));
        }
        if (entry.reason() != null) {
            meta.add(new Span(AuditTexts.reason(entry.reason(), t)));
        }
        String before = AuditTexts.state(entry.before(), t);
        String after = AuditTexts.state(entry.after(), t);
        Span change = new Span((before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        change.addClassName("audit-change");
        meta.add(change);
        card.add(meta);
        if (entry.note() != null) {
            Paragraph note = new Paragraph(entry.note().length() <= 300 ? entry.note() : entry.note().substring(0, 299) + "…");
            note.addClassName("inbox-excerpt");
            card.add(note);
        }
        return card;
    }

    private void onFilter(boolean fromClient) {
        if (!fromClient) {
            return;
        }
        Map<String, String> query = new HashMap<>();
        if (!action.getValue().isEmpty()) {
            query.put("action", action.getValue());
        }
        if (!type.getValue().isEmpty()) {
            query.put("type", type.getValue());
        }
        if (!person.getValue().isBlank()) {
            query.put("person", person.getValue().strip());
        }
        if (from.getValue() != null) {
            query.put("from", from.getValue().toString());
        }
        if (to.getValue() != null) {
            query.put("to", to.getValue().toString());
        }
        getUI().ifPresent(ui -> ui.navigate(ModerationAuditView.class, QueryParameters.simple(query)));
    }


    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.title") + " · " + getTranslation("app.name");
    }
}
