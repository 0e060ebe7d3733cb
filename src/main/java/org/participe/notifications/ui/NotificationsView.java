package org.participe.notifications.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.participe.base.TownZone;
import org.participe.notifications.NotificationItem;
import org.participe.notifications.NotificationService;

/** The person's notifications, newest first; opening one marks it read. */
@Route("notifications")
@PermitAll
public class NotificationsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    private static final int PAGE = 30;

    private final NotificationService notifications;
    private final UnorderedList list = new UnorderedList();
    private final Button more = new Button();
    private final DateTimeFormatter dates;
    private int loaded;

    public NotificationsView(NotificationService notifications) {
        this.notifications = notifications;
        this.dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(getLocale()).withZone(TownZone.zone());
        VerticalLayout layout = getContent();
        layout.addClassName("text-page");
        Button readAll = new Button(getTranslation("notifications.read-all"), e -> {
            notifications.markAllRead();
            reload();
        });
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Anchor settings = new Anchor("notifications/settings", getTranslation("notifications.settings"));
        Div header = new Div(new H1(getTranslation("notifications.title")), readAll, settings);
        header.addClassName("page-header");
        list.addClassName("notification-list");
        more.setText(getTranslation("ideas.more"));
        more.addClickListener(e -> load());
        layout.add(header, list, more);
        reload();
    }

    private void reload() {
        list.removeAll();
        loaded = 0;
        load();
    }

    private void load() {
        List<NotificationItem> page = notifications.page(loaded, PAGE);
        for (NotificationItem item : page) {
            Anchor link = new Anchor(item.path(), item.subject());
            Span when = new Span(dates.format(item.createdAt()));
            when.addClassName("comment-date");
            ListItem row = new ListItem(link, new Paragraph(item.detail()), when);
            row.addClassName(item.read() ? "notification-read" : "notification-unread");
            if (!item.read()) {
                Span unread = new Span(getTranslation("notifications.unread"));
                unread.addClassNames("idea-tag", "idea-threshold");
                row.addComponentAsFirst(unread);
            }
            list.add(row);
        }
        loaded += page.size();
        more.setVisible(page.size() == PAGE);
        if (loaded == 0) {
            list.add(new ListItem(getTranslation("notifications.none")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.title") + " · " + getTranslation("app.name");
    }
}
