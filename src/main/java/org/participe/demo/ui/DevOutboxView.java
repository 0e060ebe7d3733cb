package org.participe.demo.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import jakarta.annotation.security.RolesAllowed;
import org.participe.base.TownZone;
import org.participe.base.mail.DevOutbox;
import org.participe.security.Roles;

/**
 * The e-mails the demo "sent" without an SMTP server, so that a newcomer can follow a confirmation
 * link: those the mail sender delivered into the dev outbox, after their transaction committed.
 * Registered as a route only when demo mode is on (see DemoRoutes); its texts are shown as text.
 * Administrators only: the mails hold password-reset links, so whoever reads them could take over any account.
 */
@RolesAllowed(Roles.ADMIN)
@Menu(title = "menu.dev-outbox", order = 99, icon = "vaadin:envelopes-o")
public class DevOutboxView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public static final String PATH = "dev/outbox";

    public DevOutboxView(DevOutbox outbox) {
        VerticalLayout layout = getContent();
        layout.addClassName("text-page");
        layout.add(new H1(getTranslation("outbox.title")), new Paragraph(getTranslation("outbox.intro")));
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(TownZone.zone());
        var entries = outbox.latest();
        if (entries.isEmpty()) {
            layout.add(new Paragraph(getTranslation("outbox.empty")));
        }
        for (DevOutbox.Entry entry : entries) {
            Div body = new Div(new Pre(entry.message().textBody()));
            links(entry.message().textBody()).forEach(body::add);
            Details details = new Details(time.format(entry.sentAt()) + " — " + entry.message().to() + " — " + entry.message().subject(), body);
            details.addClassName("outbox-mail");
            layout.add(details);
        }
    }

    /** The application's own links found in a mail, made clickable (any other text stays text). */
    private static List<Anchor> links(String text) {
        return Arrays.stream(text.split("\\s+"))
                .filter(word -> word.matches("https?://[^\\s]+/(confirm-email|reset-password)\\?token=[A-Za-z0-9_-]+"))
                .map(url -> {
                    Anchor anchor = new Anchor(url, url);
                    anchor.addClassName("outbox-link");
                    return anchor;
                }).toList();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("outbox.title") + " · " + getTranslation("app.name");
    }
}
