package org.participe.base.i18n;

import java.util.List;
import java.util.Locale;

/** French first, English second. */
public final class SupportedLocales {

    public static final Locale FRENCH = Locale.FRENCH;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale DEFAULT = FRENCH;
    public static final List<Locale> ALL = List.of(FRENCH, ENGLISH);

    private SupportedLocales() {
    }

    /** The supported locale for a language tag such as {@code en-GB}, or French. */
    public static Locale resolve(String tag) {
        if (tag == null || tag.isBlank()) {
            return DEFAULT;
        }
        String language = Locale.forLanguageTag(tag.replace('_', '-')).getLanguage();
        return ALL.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(DEFAULT);
    }
}
