package org.participe.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTableRow;

/** Plain HTML tables of figures, as every feature writes them: scoped header cells, and a region that scrolls on a phone. */
public final class Tables {

    private Tables() {
    }

    /**
     * Wraps a table that may scroll sideways on a phone in a named region keyboard users can reach
     * (a scrollable area must be focusable: WCAG 2.1.1).
     */
    public static Div region(Component table, String name) {
        Div region = new Div(table);
        region.addClassName("table-scroller");
        region.getElement().setAttribute("tabindex", "0");
        region.getElement().setAttribute("role", "region");
        region.getElement().setAttribute("aria-label", name);
        return region;
    }

    /** A header cell for a column ({@code scope="col"}). */
    public static void columnHeader(NativeTableRow row, String text) {
        header(row, text, "col");
    }

    /** A header cell naming its row ({@code scope="row"}). */
    public static void rowHeader(NativeTableRow row, String text) {
        header(row, text, "row");
    }

    private static void header(NativeTableRow row, String text, String scope) {
        var cell = row.addHeaderCell();
        cell.setText(text);
        cell.getElement().setAttribute("scope", scope);
    }
}
