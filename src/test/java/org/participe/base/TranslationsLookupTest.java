package org.participe.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.participe.base.i18n.Translations;

class TranslationsLookupTest {

    private final Locale serverDefault = Locale.getDefault();

    @AfterEach
    void restore() {
        Locale.setDefault(serverDefault);
    }

    @Test
    void eachLanguageGetsItsOwnTextsWhateverTheServersLocale() {
        for (Locale server : new Locale[]{Locale.FRANCE, Locale.US, Locale.GERMANY}) {
            Locale.setDefault(server);
            Translations translations = new Translations();
            assertThat(translations.getTranslation("action.add", Locale.ENGLISH)).as("English on a " + server + " server").isEqualTo("Add");
            assertThat(translations.getTranslation("action.add", Locale.FRENCH)).isEqualTo("Ajouter");
            assertThat(translations.getTranslation("action.add", Locale.forLanguageTag("fr-CA"))).isEqualTo("Ajouter");
            assertThat(translations.getTranslation("action.add", Locale.GERMAN)).as("unsupported languages get French").isEqualTo("Ajouter");
        }
    }

    @Test
    void argumentsAreFormattedForTheLanguage() {
        Translations translations = new Translations();
        assertThat(translations.getTranslation("idea.supports", Locale.FRENCH, 1200)).isEqualTo("1\u202f200 soutiens");
        assertThat(translations.getTranslation("idea.supports", Locale.ENGLISH, 1)).isEqualTo("1 support");
        assertThat(translations.getTranslation("idea.supports", Locale.ENGLISH, 0)).isEqualTo("No support");
    }
}
