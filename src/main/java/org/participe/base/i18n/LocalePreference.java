package org.participe.base.i18n;

import java.util.Locale;
import java.util.Optional;

/** Remembers the language a signed-in person chose; the accounts feature stores it. */
public interface LocalePreference {

    Optional<Locale> forCurrentUser();

    void rememberForCurrentUser(Locale locale);

    /**
     * The language the current person writes in: their interface language, which is what they
     * read the form in (stored with their text so that pages can mark it with {@code lang}).
     */
    default String writingLanguage() {
        return forCurrentUser().orElse(SupportedLocales.DEFAULT).getLanguage();
    }
}
