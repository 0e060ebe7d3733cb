package org.participe.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * The signed-in person's menu in the header, as a disclosure (a button that shows or hides a short
 * list of links) rather than Vaadin's menu bar, whose open menu put {@code aria-selected} on its items
 * and a focusable element inside the bar (axe, critical). A disclosure is what screen readers expect
 * of site navigation: Tab reaches each entry, Escape closes it and returns to the button.
 */
class UserMenu extends Composite<Div> {

    private static final String PANEL_ID = "user-menu-panel";

    private final Button toggle = new Button();
    private final Div panel = new Div();

    UserMenu(String displayName, Runnable logout) {
        Span name = new Span(displayName);
        name.addClassName("user-menu-name");
        toggle.setIcon(new Icon(VaadinIcon.USER));
        toggle.setText(null);
        toggle.getElement().appendChild(name.getElement());
        toggle.addClassName("user-menu-toggle");
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        toggle.setTooltipText(null);
        toggle.getElement().setAttribute("aria-label", getTranslation("layout.user-menu.named", displayName));
        toggle.getElement().setAttribute("aria-controls", PANEL_ID);
        toggle.getElement().setAttribute("aria-expanded", "false");
        toggle.addClickListener(click -> setOpen(!panel.isVisible()));

        Anchor profile = new Anchor("profile", getTranslation("layout.profile"));
        profile.addClassName("user-menu-entry");
        Button logoutButton = new Button(getTranslation("layout.logout"), click -> logout.run());
        logoutButton.addClassName("user-menu-entry");
        logoutButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        UnorderedList entries = new UnorderedList(new ListItem(profile), new ListItem(logoutButton));
        panel.setId(PANEL_ID);
        panel.addClassName("user-menu-panel");
        panel.add(entries);
        panel.setVisible(false);
        Shortcuts.addShortcutListener(panel, () -> {
            setOpen(false);
            toggle.focus();
        }, Key.ESCAPE).listenOn(panel);

        getContent().addClassName("user-menu");
        getContent().add(toggle, panel);
    }

    void close() {
        setOpen(false);
    }

    private void setOpen(boolean open) {
        panel.setVisible(open);
        toggle.getElement().setAttribute("aria-expanded", String.valueOf(open));
    }
}
