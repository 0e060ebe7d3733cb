package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.base.ui.AccessDeniedView;
import org.participe.home.ui.HomeView;
import org.participe.initiatives.ui.InitiativeEditorView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class InitiativeViewsTest extends ViewTest {

    @Autowired JdbcTemplate jdbc;

    private static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    private Button button(String key) {
        return $(Button.class).all().stream().filter(b -> t(key).equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void theEditorExplainsMissingFieldsAndPhasesThatEndBeforeTheyStart() {
        signIn("editor", Roles.STAFF);
        navigate(InitiativeEditorView.class);
        test(button("initiative.phase.add")).click();
        TextField phaseName = $(TextField.class).all().stream().filter(f -> t("initiative.phase.name").equals(f.getLabel())).findFirst().orElseThrow();
        test(phaseName).setValue("Travaux");
        var dates = $(DatePicker.class).all();
        dates.get(0).setValue(LocalDate.now().plusDays(10));
        dates.get(1).setValue(LocalDate.now());

        test(button("initiative.form.save")).click();

        TextField title = $(TextField.class).all().stream().filter(f -> t("initiative.form.title").equals(f.getLabel())).findFirst().orElseThrow();
        assertThat(title.isInvalid()).isTrue();
        assertThat($(TextArea.class).all().getFirst().isInvalid()).isTrue();
        assertThat($(Paragraph.class).all()).extracting(Paragraph::getText).contains(t("initiative.phase.dates", 1));
        assertThat(getCurrentView()).isInstanceOf(InitiativeEditorView.class);
    }

    @Test
    void aResidentCannotOpenTheEditor() {
        signIn("not-staff", Roles.RESIDENT, Roles.OFFICIAL);
        navigate("initiatives/new", AccessDeniedView.class);
        assertThat(getCurrentView()).isInstanceOf(AccessDeniedView.class);
    }

    @Test
    void theBellShowsTheUnreadCount() {
        ParticipeUser user = signIn("bell", Roles.RESIDENT);
        for (int i = 0; i < 2; i++) {
            jdbc.update("insert into notification (recipient_id, kind, event_key, target_type, target_id, subject) values (?, 'COMMENT', ?, 'IDEA', 1, 'Test')",
                    user.accountId(), "test:" + i);
        }
        navigate(HomeView.class);
        Anchor bell = $(Anchor.class).all().stream().filter(a -> a.hasClassName("bell")).findFirst().orElseThrow();
        var count = bell.getChildren().filter(c -> c.hasClassName("bell-count")).findFirst().orElseThrow();
        assertThat(count.getElement().getText()).isEqualTo("2");
        assertThat(count.isVisible()).isTrue();
        assertThat(bell.getElement().getAttribute("aria-label")).isEqualTo(t("layout.notifications", 2L));
    }
}
