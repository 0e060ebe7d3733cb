package org.participe.security.ui;

import java.util.Set;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpSession;
import org.participe.security.CurrentUser;
import org.participe.security.SignInAgain;

/**
 * Signs a person in through Spring Security's form login. A refused attempt comes back here with
 * {@code ?error} and one message whatever the reason (wrong password, unknown address, a lock or
 * too many attempts): a different message would tell which addresses have an account. The
 * address typed is shown again (from the session, see {@link RefusedSignInAddress}).
 */
@Route("login")
@AnonymousAllowed
public class LoginView extends Composite<VerticalLayout> implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private final CurrentUser currentUser;

    public LoginView(CurrentUser currentUser) {
        this.currentUser = currentUser;
        VerticalLayout layout = getContent();
        layout.addClassName("narrow-page");
        layout.setAlignItems(VerticalLayout.Alignment.STRETCH);

        form.setAction("login");
        form.setI18n(i18n());
        form.addForgotPasswordListener(event -> form.getUI().ifPresent(ui -> ui.navigate("forgot-password")));

        Paragraph noAccount = new Paragraph(getTranslation("login.no-account") + " ");
        noAccount.add(new Anchor("signup", getTranslation("login.signup-link")));

        layout.add(new H1(getTranslation("login.title")), form, noAccount);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (currentUser.get().isPresent()) {
            event.forwardTo("");
            return;
        }
        sessionEndedNotice(event.getLocation().getQueryParameters().getParameters().keySet());
        if (event.getLocation().getQueryParameters().getParameters().containsKey("error")) {
            form.setError(true);
            showTypedAddress();
        }
    }

    /**
     * Why the person is asked to sign in again: their session was ended ({@code ?ended}) or too old
     * ({@code ?expired}), said by the address or by the cookie left when the session ended (read once).
     */
    private void sessionEndedNotice(Set<String> parameters) {
        String reason = parameters.contains("ended") ? "ended" : parameters.contains("expired") ? "expired" : null;
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        Cookie[] cookies = request == null ? null : request.getCookies();
        for (Cookie cookie : cookies == null ? new Cookie[0] : cookies) {
            if (SignInAgain.REASON_COOKIE.equals(cookie.getName())) {
                reason = reason != null ? reason : cookie.getValue();
                Cookie forget = new Cookie(cookie.getName(), "");
                forget.setPath(request.getContextPath().isEmpty() ? "/" : request.getContextPath());
                forget.setMaxAge(0);
                forget.setHttpOnly(true);
                VaadinResponse response = VaadinResponse.getCurrent();
                if (response != null) {
                    response.addCookie(forget);
                }
            }
        }
        String key = "ended".equals(reason) ? "login.session-ended" : "expired".equals(reason) ? "login.session-expired" : null;
        if (key != null) {
            Paragraph notice = new Paragraph(getTranslation(key));
            notice.addClassName("session-ended");
            notice.getElement().setAttribute("role", "status");
            getContent().addComponentAtIndex(1, notice);
        }
    }

    /** Puts the address of the refused attempt back in its field and the focus on the password. */
    private void showTypedAddress() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        HttpSession session = request == null ? null : request.getSession(false);
        String typed = RefusedSignInAddress.take(session);
        if (typed != null) {
            form.getElement().executeJs("""
                    customElements.whenDefined('vaadin-login-form').then(() => this.updateComplete).then(async () => {
                      const username = this.querySelector('#vaadinLoginUsername');
                      if (username && !username.value) {
                        username.value = $0;
                        // After the form's own autofocus on the address field, one animation frame after it is attached.
                        await new Promise(requestAnimationFrame);
                        this.querySelector('#vaadinLoginPassword')?.focus();
                      }
                    });""", typed);
        }
    }

    private LoginI18n i18n() {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.form-title"));
        texts.setUsername(getTranslation("login.email"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation("login.error.title"));
        error.setMessage(getTranslation("login.error.message"));
        error.setUsername(getTranslation("login.email.required"));
        error.setPassword(getTranslation("login.password.required"));
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · " + getTranslation("app.name");
    }

}
