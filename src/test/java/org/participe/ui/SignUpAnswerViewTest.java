package org.participe.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.participe.accounts.ui.SignUpView;
import org.participe.security.ParticipeUser;
import org.participe.security.Roles;
import org.participe.security.ui.LoginView;
import org.participe.test.TestData;

/** Sign-up shows the same answer whether the address is new or already has an account. */
class SignUpAnswerViewTest extends ViewTest {

    @Test
    void anAddressAlreadyUsedGetsTheSameAnswerAsANewOne() {
        ParticipeUser owner = data.confirmedAccount("already-here", Roles.RESIDENT);
        String newcomer = TestData.uniqueEmail("brand-new");

        String forExisting = signUp(owner.email());
        String forNew = signUp(newcomer);

        assertThat(forExisting).isEqualTo(forNew.replace(newcomer, owner.email()));
        assertThat(forExisting).contains(UI.getCurrent().getTranslation("signup.done.title"))
                .doesNotContain(UI.getCurrent().getTranslation("signup.email.taken"));
        assertThat($(EmailField.class).all()).as("no field left to show an error next to").isEmpty();
    }

    /** Fills the form with valid input for the address and sends it; returns the text of the page then. */
    private String signUp(String email) {
        navigate(LoginView.class); // a fresh sign-up page each time, not the one showing the answer
        navigate(SignUpView.class);
        test($(EmailField.class).single()).setValue(email);
        test($(TextField.class).all().stream().filter(f -> UI.getCurrent().getTranslation("signup.display-name").equals(f.getLabel()))
                .findFirst().orElseThrow()).setValue("Dominique Test");
        test($(PasswordField.class).single()).setValue(TestData.PASSWORD);
        test($(Checkbox.class).single()).click();
        test($(Button.class).all().stream().filter(b -> b.getText().equals(UI.getCurrent().getTranslation("signup.submit")))
                .findFirst().orElseThrow()).click();
        return getCurrentView().getElement().getTextRecursively();
    }
}
