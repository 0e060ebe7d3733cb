package org.participe.notifications.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.participe.base.ui.FormErrors;
import org.participe.follows.FollowService;
import org.participe.notifications.NotificationKind;
import org.participe.notifications.NotificationMode;
import org.participe.notifications.NotificationService;

/** Per kind of notification: an e-mail at once, one daily digest, or none. */
@Route("notifications/settings")
@PermitAll
public class NotificationSettingsView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public NotificationSettingsView(NotificationService notifications, FollowService follows) {
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");
        layout.add(new H1(getTranslation("notifications.settings")), new Paragraph(getTranslation("notifications.settings.intro")));
        Checkbox followSupported = new Checkbox(getTranslation("notifications.follow-on-support"), follows.followsWhatTheySupport());
        followSupported.addValueChangeListener(e -> {
            follows.setFollowsWhatTheySupport(e.getValue());
            FormErrors.success(getTranslation("notifications.settings.saved"));
        });
        layout.add(followSupported);
        var preferences = notifications.preferences();
        for (NotificationKind kind : NotificationKind.values()) {
            RadioButtonGroup<NotificationMode> choice = new RadioButtonGroup<>(getTranslation("notification.kind." + kind.name()));
            choice.setItems(NotificationMode.values());
            choice.setItemLabelGenerator(mode -> getTranslation("notification.mode." + mode.name()));
            choice.setValue(preferences.get(kind));
            choice.addValueChangeListener(e -> {
                notifications.setPreference(kind, e.getValue());
                FormErrors.success(getTranslation("notifications.settings.saved"));
            });
            layout.add(choice);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("notifications.settings") + " · " + getTranslation("app.name");
    }
}
