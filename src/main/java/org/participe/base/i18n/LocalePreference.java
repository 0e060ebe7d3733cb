package org.participe.base.i18n;

import java.util.Locale;
import java.util.Optional;

/** Remembers the language a signed-in person chose; the accounts feature stores it. */
public interface LocalePreference {

    Optional<Locale> forCurrentUser();

    void rememberForCurrentUser(Locale locale);
}
