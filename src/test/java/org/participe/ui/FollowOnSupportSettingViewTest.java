package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import org.junit.jupiter.api.Test;
import org.participe.notifications.ui.NotificationSettingsView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** "Follow what I support", on the notification settings page, is kept by the follows module. */
class FollowOnSupportSettingViewTest extends ViewTest {

    @Autowired JdbcTemplate jdbc;

    private Checkbox followSupported() {
        String label = UI.getCurrent().getTranslation("notifications.follow-on-support");
        return $(Checkbox.class).all().stream().filter(box -> label.equals(box.getLabel())).findFirst().orElseThrow();
    }

    @Test
    void onByDefaultSwitchedOffAndBackOnAndShownAsSavedAtTheNextVisit() {
        ParticipeUser user = signIn("follow-setting", Roles.RESIDENT);
        navigate(NotificationSettingsView.class);
        assertThat(followSupported().getValue()).as("on by default").isTrue();

        test(followSupported()).click();
        assertThat(jdbc.queryForObject("select follow_on_support from follow_settings where account_id = ?", Boolean.class, user.accountId()))
                .isFalse();
        navigate(NotificationSettingsView.class);
        assertThat(followSupported().getValue()).as("kept off").isFalse();

        test(followSupported()).click();
        navigate(NotificationSettingsView.class);
        assertThat(followSupported().getValue()).as("back on").isTrue();
    }
}
