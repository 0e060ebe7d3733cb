package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.accounts.ui.ProfileView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class ProfileViewTest extends ViewTest {

    @Autowired JdbcTemplate jdbc;

    private static String t(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    private Button button(String key) {
        return $(Button.class).all().stream().filter(b -> t(key).equals(b.getText())).findFirst().orElseThrow();
    }

    @Test
    void aResidentRenamesThemselvesAndABadNameIsExplainedNextToTheField() {
        ParticipeUser user = signIn("renamer", Roles.RESIDENT);
        navigate(ProfileView.class);
        TextField name = $(TextField.class).all().stream().filter(f -> t("signup.display-name").equals(f.getLabel())).findFirst().orElseThrow();

        test(name).setValue("X");
        test(button("profile.save")).click();
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getValue()).isEqualTo("X");

        test(name).setValue("Dominique Renommée");
        test(button("profile.save")).click();
        assertThat(name.isInvalid()).isFalse();
        assertThat(jdbc.queryForObject("select display_name from account where id = ?", String.class, user.accountId()))
                .isEqualTo("Dominique Renommée");
    }

    @Test
    void changingThePasswordIsRefusedWithoutTheCurrentOne() {
        ParticipeUser user = signIn("password-ui", Roles.RESIDENT);
        String before = jdbc.queryForObject("select password_hash from account where id = ?", String.class, user.accountId());
        navigate(ProfileView.class);
        var fields = $(PasswordField.class).all();
        PasswordField current = fields.get(fields.size() - 2);
        PasswordField chosen = fields.getLast();
        test(current).setValue("not my password");
        test(chosen).setValue("Une toute nouvelle phrase de passe");
        test(button("profile.change-password")).click();

        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo(t("profile.password.wrong"));
        assertThat(jdbc.queryForObject("select password_hash from account where id = ?", String.class, user.accountId())).isEqualTo(before);
    }
}
