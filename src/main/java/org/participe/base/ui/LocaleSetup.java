package org.participe.base.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;
import org.participe.base.database.DatabaseUnavailable;
import org.participe.base.i18n.LocalePreference;
import org.participe.base.i18n.SupportedLocales;
import org.springframework.stereotype.Component;

/**
 * Gives every page its language: the signed-in person's choice, else the visitor's cookie, else
 * French. Sets {@code <html lang>} on the first response and the UI locale for translations.
 */
@Component
public class LocaleSetup implements VaadinServiceInitListener {

    static final String COOKIE = "participe-lang";

    private final LocalePreference preference;

    LocaleSetup(LocalePreference preference) {
        this.preference = preference;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(response -> response.getDocument().getElementsByTag("html")
                .attr("lang", resolve(response.getVaadinRequest()).getLanguage()));
        event.getSource().addUIInitListener(init -> {
            init.getUI().setLocale(resolve(VaadinRequest.getCurrent()));
            init.getUI().addAfterNavigationListener(navigation -> BuiltInTexts.applyTo(init.getUI()));
        });
    }

    Locale resolve(VaadinRequest request) {
        return DatabaseUnavailable.orElse(preference::forCurrentUser, Optional.<Locale>empty())
                .or(() -> fromCookie(request)).orElse(SupportedLocales.DEFAULT);
    }

    private static Optional<Locale> fromCookie(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return Optional.empty();
        }
        return Arrays.stream(request.getCookies()).filter(c -> COOKIE.equals(c.getName())).findFirst()
                .map(c -> SupportedLocales.resolve(c.getValue()));
    }

    /** Switches the language now and remembers it: on the account if signed in, in a cookie anyway. */
    public void switchTo(UI ui, Locale locale) {
        Locale chosen = SupportedLocales.resolve(locale.toLanguageTag());
        preference.rememberForCurrentUser(chosen);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.getLanguage());
            cookie.setPath("/");
            cookie.setMaxAge(60 * 60 * 24 * 365);
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        ui.setLocale(chosen);
        ui.getPage().reload();
    }
}
