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
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.accounts.AccountService;
import org.participe.accounts.PasswordPolicy;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;

/** Where a reset link leads: choose a new password; every session of the account then ends. */
@Route("reset-password")
@AnonymousAllowed
public class ResetPasswordView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private String token = "";

    public ResetPasswordView(AccountService accounts) {
        this.accounts = accounts;
        getContent().addClassName("narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        VerticalLayout layout = getContent();
        layout.removeAll();
        layout.add(new H1(getTranslation("reset.title")));
        if (!accounts.isResetTokenUsable(token)) {
            layout.add(new Paragraph(getTranslation("reset.link.invalid")), new Anchor("forgot-password", getTranslation("reset.ask-again")));
            return;
        }
        PasswordField password = new PasswordField(getTranslation("reset.new-password"));
        password.setHelperText(getTranslation("signup.password.help", PasswordPolicy.MIN_LENGTH));
        password.setRequiredIndicatorVisible(true);
        password.setWidthFull();
        password.setAutocomplete(Autocomplete.NEW_PASSWORD);
        Button save = new Button(getTranslation("reset.submit"));
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickShortcut(Key.ENTER);
        save.addClickListener(click -> {
            try {
                accounts.resetPassword(token, password.getValue());
                layout.removeAll();
                layout.add(new H1(getTranslation("reset.title")), new Paragraph(getTranslation("reset.done")),
                        new Anchor("login", getTranslation("signup.login-link")));
            } catch (InvalidInputException refusal) {
                FormErrors.show(this, refusal, Map.of("password", password));
            }
        });
        layout.add(FormErrors.requiredNote(this), password, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("reset.title") + " · " + getTranslation("app.name");
    }
}
