package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Year;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.accounts.ui.SignUpView;
import org.participe.test.Mails;
import org.participe.test.TestData;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class SignUpViewTest extends ViewTest {

    @Autowired JdbcTemplate jdbc;

    private Button submit() {
        return $(Button.class).all().stream().filter(b -> b.getText().equals(getTranslation("signup.submit"))).findFirst().orElseThrow();
    }

    private static String getTranslation(String key) {
        return UI.getCurrent().getTranslation(key);
    }

    @Test
    void badInputIsExplainedNextToEachFieldAndNothingTypedIsLost() {
        navigate(SignUpView.class);
        test($(EmailField.class).single()).setValue("camille@");
        test($(TextField.class).all().stream().filter(f -> f.getLabel() != null && f.getLabel().equals(getTranslation("signup.display-name"))).findFirst().orElseThrow()).setValue("C");
        test($(PasswordField.class).single()).setValue("soleil");
        test($(IntegerField.class).single()).setValue(Year.now().getValue() - 12);

        test(submit()).click();

        EmailField email = $(EmailField.class).single();
        PasswordField password = $(PasswordField.class).single();
        IntegerField birthYear = $(IntegerField.class).single();
        Checkbox terms = $(Checkbox.class).single();
        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo(getTranslation("validation.email"));
        assertThat(password.isInvalid()).isTrue();
        assertThat(password.getErrorMessage()).contains("12");
        assertThat(birthYear.isInvalid()).isTrue();
        assertThat(birthYear.getErrorMessage()).contains("16");
        assertThat(terms.isInvalid()).isTrue();
        assertThat(email.getValue()).as("the draft survives").isEqualTo("camille@");
        assertThat(birthYear.getValue()).isNotNull();
    }

    @Test
    void aValidSignUpSaysWhereTheLinkWasSentAndSendsIt() {
        navigate(SignUpView.class);
        String address = TestData.uniqueEmail("browserless");
        test($(EmailField.class).single()).setValue(address);
        test($(TextField.class).all().stream().filter(f -> getTranslation("signup.display-name").equals(f.getLabel())).findFirst().orElseThrow()).setValue("Dominique Test");
        test($(PasswordField.class).single()).setValue(TestData.PASSWORD);
        test($(Checkbox.class).single()).click();

        test(submit()).click();

        assertThat($(H2.class).all()).extracting(H2::getText).contains(getTranslation("signup.done.title"));
        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, address)).isEqualTo(1);
        assertThat(Mails.awaitLatest(address, "Confirmez")).isNotNull();
    }

    @Test
    void aRobotFillingTheHiddenFieldCreatesNoAccount() {
        navigate(SignUpView.class);
        String address = TestData.uniqueEmail("robot");
        test($(EmailField.class).single()).setValue(address);
        test($(TextField.class).all().stream().filter(f -> getTranslation("signup.display-name").equals(f.getLabel())).findFirst().orElseThrow()).setValue("Robot Bot");
        test($(PasswordField.class).single()).setValue(TestData.PASSWORD);
        test($(Checkbox.class).single()).click();
        $(TextField.class).all().stream().filter(f -> f.hasClassName("honeypot")).findFirst().orElseThrow().setValue("http://spam.example");

        test(submit()).click();

        assertThat(jdbc.queryForObject("select count(*) from account where email = ?", Integer.class, address)).isZero();
    }
}
