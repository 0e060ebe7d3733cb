package org.participe.notifications.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.notifications.NotificationService;

/**
 * Where an e-mail's unsubscribe link leads, without logging in. Opening the page changes
 * nothing (mail scanners open links); the button does.
 */
@Route("unsubscribe")
@AnonymousAllowed
public class UnsubscribeView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final NotificationService notifications;

    public UnsubscribeView(NotificationService notifications) {
        this.notifications = notifications;
        getContent().addClassName("narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("t").orElse("");
        VerticalLayout layout = getContent();
        layout.removeAll();
        Paragraph result = new Paragraph(getTranslation("unsubscribe.intro"));
        result.getElement().setAttribute("role", "status");
        Button confirm = new Button(getTranslation("unsubscribe.confirm"));
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        confirm.addClickListener(e -> {
            boolean done = notifications.unsubscribe(token);
            result.setText(getTranslation(done ? "unsubscribe.done" : "unsubscribe.invalid"));
            confirm.setVisible(false);
        });
        layout.add(new H1(getTranslation("unsubscribe.title")), result, confirm);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("unsubscribe.title") + " · " + getTranslation("app.name");
    }
}
