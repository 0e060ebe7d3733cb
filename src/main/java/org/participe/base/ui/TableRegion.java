package org.participe.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * Wraps a table that may scroll sideways on a phone in a named region keyboard users can reach
 * (a scrollable area must be focusable: WCAG 2.1.1).
 */
public final class TableRegion {

    private TableRegion() {
    }

    public static Div of(Component table, String name) {
        Div region = new Div(table);
        region.addClassName("table-scroller");
        region.getElement().setAttribute("tabindex", "0");
        region.getElement().setAttribute("role", "region");
        region.getElement().setAttribute("aria-label", name);
        return region;
    }
}
