package org.participe.town;

import java.util.Locale;

/** A topic (thème), named in both languages. */
public record Category(long id, String nameFr, String nameEn, boolean active, long version) {

    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameFr;
    }
}
