package org.participe.accounts.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.participe.accounts.AccountService;
import org.participe.accounts.ConfirmationResult;
import org.participe.security.CurrentUser;
import org.participe.security.SessionAuthentication;

/** Where the link of a confirmation e-mail leads; it works whether or not the person is signed in. */
@Route("confirm-email")
@AnonymousAllowed
public class ConfirmEmailView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final AccountService accounts;
    private final CurrentUser currentUser;
    private final SessionAuthentication sessionAuthentication;

    public ConfirmEmailView(AccountService accounts, CurrentUser currentUser, SessionAuthentication sessionAuthentication) {
        this.accounts = accounts;
        this.currentUser = currentUser;
        this.sessionAuthentication = sessionAuthentication;
        getContent().addClassName("narrow-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token = event.getLocation().getQueryParameters().getSingleParameter("token").orElse("");
        ConfirmationResult result = accounts.confirm(token);
        if (result == ConfirmationResult.CONFIRMED || result == ConfirmationResult.EMAIL_CHANGED) {
            sessionAuthentication.refresh();
        }
        VerticalLayout layout = getContent();
        layout.removeAll();
        String key = "confirm." + result.name().toLowerCase().replace('_', '-');
        layout.add(new H1(getTranslation(key + ".title")), new Paragraph(getTranslation(key + ".text")));
        boolean signedIn = currentUser.get().isPresent();
        if (result == ConfirmationResult.CONFIRMED || result == ConfirmationResult.EMAIL_CHANGED) {
            layout.add(signedIn ? new Anchor(".", getTranslation("error.back-home")) : new Anchor("login", getTranslation("signup.login-link")));
        } else {
            layout.add(signedIn ? new Anchor("profile", getTranslation("confirm.ask-new-link"))
                    : new Anchor("login", getTranslation("confirm.login-to-ask")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("confirm.page-title") + " · " + getTranslation("app.name");
    }
}
