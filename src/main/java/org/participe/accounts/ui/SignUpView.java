package org.participe.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.accounts.AccountService;
import org.participe.accounts.PasswordPolicy;
import org.participe.base.ui.FormErrors;
import org.participe.base.validation.InvalidInputException;
import org.participe.base.validation.TooManyRequestsException;
import org.participe.security.CurrentUser;
import org.participe.town.TownService;

@Route("signup")
@AnonymousAllowed
public class SignUpView extends Composite<VerticalLayout> implements HasDynamicTitle, BeforeEnterObserver {

    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final SignUpForm form;
    private final Div result = new Div();

    public SignUpView(AccountService accounts, TownService town, PasswordPolicy passwordPolicy, CurrentUser currentUser) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.form = new SignUpForm(town.activeNeighbourhoods(), passwordPolicy);
        VerticalLayout layout = getContent();
        layout.addClassName("form-page");

        Button submit = new Button(getTranslation("signup.submit"), click -> submit());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        submit.setDisableOnClick(true);
        submit.addClickListener(click -> submit.setEnabled(true));

        Paragraph haveAccount = new Paragraph(getTranslation("signup.have-account") + " ");
        haveAccount.add(new Anchor("login", getTranslation("signup.login-link")));

        result.setVisible(false);
        result.getElement().setAttribute("role", "status");
        layout.add(new H1(getTranslation("signup.title")), new Paragraph(getTranslation("signup.intro")), FormErrors.requiredNote(this), form,
                submit, haveAccount, result);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("profile");
        }
    }

    private void submit() {
        FormErrors.clear(form.fields());
        if (form.filledByRobot()) {
            showDone(form.email.getValue());
            return;
        }
        try {
            accounts.register(form.registration(getLocale()), FormErrors.clientAddress());
            showDone(form.email.getValue());
        } catch (InvalidInputException refusal) {
            FormErrors.show(this, refusal, form.fields());
        } catch (TooManyRequestsException tooMany) {
            FormErrors.error(getTranslation(tooMany.messageKey()));
        }
    }

    private void showDone(String email) {
        VerticalLayout layout = getContent();
        layout.removeAll();
        result.removeAll();
        result.setVisible(true);
        result.add(new H2(getTranslation("signup.done.title")),
                new Paragraph(getTranslation("signup.done.text", email)),
                new Paragraph(getTranslation("signup.done.next")));
        layout.add(new H1(getTranslation("signup.title")), result, new Anchor("login", getTranslation("signup.login-link")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("signup.title") + " · " + getTranslation("app.name");
    }
}
