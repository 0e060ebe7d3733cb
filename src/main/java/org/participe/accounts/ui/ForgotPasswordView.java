package org.participe.accounts.ui;

import java.util.Map;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.accounts.AccountService;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;

/** Asks for a reset link; answers the same whether or not the address has an account. */
@Route("forgot-password")
@AnonymousAllowed
public class ForgotPasswordView extends Composite<VerticalLayout> implements HasDynamicTitle {

    public ForgotPasswordView(AccountService accounts) {
        VerticalLayout layout = getContent();
        layout.addClassName("narrow-page");
        EmailField email = new EmailField(getTranslation("signup.email"));
        email.setRequiredIndicatorVisible(true);
        email.setWidthFull();
        email.setAutocomplete(Autocomplete.EMAIL);
        Paragraph done = new Paragraph();
        done.getElement().setAttribute("role", "status");
        Button send = new Button(getTranslation("forgot.submit"));
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickShortcut(Key.ENTER);
        send.addClickListener(click -> {
            FormErrors.clear(Map.of("email", email));
            try {
                accounts.requestPasswordReset(email.getValue(), FormErrors.clientAddress());
                done.setText(getTranslation("forgot.done", email.getValue()));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("email", email));
            } catch (TooManyRequestsException tooMany) {
                FormErrors.error(getTranslation(tooMany.messageKey()));
            }
        });
        layout.add(new H1(getTranslation("forgot.title")), new Paragraph(getTranslation("forgot.intro")), FormErrors.requiredNote(this), email, send, done,
                new Anchor("login", getTranslation("signup.login-link")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("forgot.title") + " · " + getTranslation("app.name");
    }
}
