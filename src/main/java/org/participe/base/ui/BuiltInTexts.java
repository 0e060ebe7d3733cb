package org.participe.base.ui;

import java.text.DateFormatSymbols;
import java.time.DayOfWeek;
import java.time.temporal.WeekFields;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.AbstractLogin;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.textfield.PasswordField;

/**
 * The texts Vaadin's components bring with them ("Show password", "More options", "Select All",
 * month names…), in the viewer's language: without this they stay English in the French UI and an
 * English voice reads them. Applied to the whole page after every navigation (the language only
 * changes with a reload), once per component; {@link #apply(Component)} serves components added later.
 */
public final class BuiltInTexts {

    private static final String APPLIED = "participe.built-in-texts";

    /**
     * vaadin-grid's selection column writes fixed English names on the checkboxes it creates
     * (there is no i18n property for them): rename them, now and whenever rows are rendered.
     */
    private static final String GRID_SELECTION_NAMES = """
            const grid = this, all = $0, row = $1;
            const rename = () => grid.querySelectorAll('vaadin-checkbox').forEach(box => {
              if (box.accessibleName === 'Select All') box.accessibleName = all;
              else if (box.accessibleName === 'Select Row') box.accessibleName = row;
            });
            rename();
            if (!grid.__participeSelectionNames) {
              grid.__participeSelectionNames = new MutationObserver(rename);
              grid.__participeSelectionNames.observe(grid, { childList: true, subtree: true });
            }""";

    private BuiltInTexts() {
    }

    /** Every component of the page. */
    public static void applyTo(UI ui) {
        ui.getChildren().forEach(BuiltInTexts::applyToTree);
    }

    private static void applyToTree(Component component) {
        apply(component);
        component.getChildren().forEach(BuiltInTexts::applyToTree);
    }

    /** One component (its children are left alone); does nothing twice for the same language. */
    public static void apply(Component component) {
        Locale locale = component.getUI().map(UI::getLocale).orElseGet(() -> UI.getCurrent() != null ? UI.getCurrent().getLocale() : Locale.FRENCH);
        if (locale.equals(ComponentUtil.getData(component, APPLIED))) {
            return;
        }
        boolean known = true;
        switch (component) {
            case AppLayout layout -> layout.setI18n(new AppLayout.AppLayoutI18n().setDrawer(text(component, "builtin.drawer")));
            case MenuBar menu -> menu.setI18n(new MenuBar.MenuBarI18n().setMoreOptions(text(component, "builtin.more-options")));
            case SideNav nav -> nav.setI18n(new SideNav.SideNavI18n().setToggle(text(component, "builtin.toggle-children")));
            case PasswordField field -> field.getElement().executeJs("this.i18n = { ...this.i18n, reveal: $0 };", text(component, "builtin.show-password"));
            case DatePicker picker -> picker.setI18n(datePicker(component, locale));
            case AbstractLogin login -> login.getElement().executeJs(
                    "Promise.resolve(this.updateComplete).then(() => this.querySelectorAll('vaadin-password-field')"
                            + ".forEach(field => field.i18n = { ...field.i18n, reveal: $0 }));",
                    text(component, "builtin.show-password"));
            case Grid<?> grid when grid.getSelectionMode() == Grid.SelectionMode.MULTI -> grid.getElement().executeJs(GRID_SELECTION_NAMES,
                    text(component, "builtin.select-all"), text(component, "builtin.select-row"));
            default -> known = false;
        }
        if (known) {
            ComponentUtil.setData(component, APPLIED, locale);
        }
    }

    private static DatePicker.DatePickerI18n datePicker(Component component, Locale locale) {
        DatePicker.DatePickerI18n i18n = ((DatePicker) component).getI18n() != null ? ((DatePicker) component).getI18n() : new DatePicker.DatePickerI18n();
        DateFormatSymbols symbols = DateFormatSymbols.getInstance(locale);
        // Java's weekday arrays start with an empty entry, then Sunday: the order the picker expects.
        i18n.setMonthNames(Arrays.asList(symbols.getMonths()).subList(0, 12));
        i18n.setWeekdays(List.of(symbols.getWeekdays()).subList(1, 8));
        i18n.setWeekdaysShort(List.of(symbols.getShortWeekdays()).subList(1, 8));
        DayOfWeek first = WeekFields.of(locale).getFirstDayOfWeek();
        i18n.setFirstDayOfWeek(first.getValue() % 7);
        i18n.setToday(text(component, "builtin.today"));
        i18n.setCancel(text(component, "builtin.cancel"));
        return i18n;
    }

    private static String text(Component component, String key) {
        return component.getTranslation(key);
    }
}
