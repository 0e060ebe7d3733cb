package org.participe.reporting.ui;

import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import org.participe.base.ui.Tables;
import org.participe.reporting.ReferencePopulation;
import org.participe.reporting.Representation;
import org.participe.reporting.ReportingService;

/** Participants beside the town's population, one table per dimension; small groups show no number. */
class RepresentationTable extends Composite<Section> {

    RepresentationTable(List<Representation> rows, ReferencePopulation reference) {
        Section section = getContent();
        section.addClassName("representation");
        section.add(new H2(getTranslation("reports.representation")),
                new Paragraph(getTranslation("reports.representation.intro", ReportingService.SMALLEST_GROUP)),
                new Paragraph(reference.source().isEmpty() ? getTranslation("reports.reference.none")
                        : getTranslation("reports.reference.source", reference.source())));
        Div tables = new Div();
        tables.addClassName("charts");
        for (Representation.Dimension dimension : Representation.Dimension.values()) {
            tables.add(table(dimension, rows.stream().filter(row -> row.dimension() == dimension).toList()));
        }
        section.add(tables);
    }

    private Div table(Representation.Dimension dimension, List<Representation> rows) {
        NativeTable table = new NativeTable();
        table.addClassName("figures-table");
        table.setCaptionText(getTranslation("reports.dimension." + dimension.name()));
        NativeTableRow head = table.getHead().addRow();
        for (String column : List.of("group", "participants", "share", "reference", "gap")) {
            Tables.columnHeader(head, getTranslation("reports.representation." + column));
        }
        NativeTableBody body = table.addBody();
        for (Representation row : rows) {
            NativeTableRow line = body.addRow();
            Tables.rowHeader(line, label(row));
            line.addDataCell().setText(row.suppressed() ? getTranslation("reports.representation.few", ReportingService.SMALLEST_GROUP)
                    : String.valueOf(row.participants()));
            line.addDataCell().setText(percent(row.share()));
            line.addDataCell().setText(percent(row.referenceShare()));
            line.addDataCell().setText(row.gap() == null ? "—" : String.format(getLocale(), "%+.1f", row.gap()));
        }
        Div scroller = Tables.region(table, getTranslation("reports.dimension." + dimension.name()));
        return scroller;
    }

    private String label(Representation row) {
        return switch (row.dimension()) {
            case NEIGHBOURHOOD -> row.label();
            case AGE_BAND -> getTranslation("reports.age-band", row.key());
            case SEX -> getTranslation("sex." + row.key());
        };
    }

    private String percent(Double value) {
        return value == null ? "—" : String.format(getLocale(), "%.1f %%", value);
    }
}
