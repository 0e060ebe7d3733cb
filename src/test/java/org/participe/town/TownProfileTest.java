package org.participe.town;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.participe.town.TownProfile.Presentation;

/** Which presentation the home page shows, in which language. */
class TownProfileTest {

    private static TownProfile town(String french, String english) {
        return new TownProfile("Testville", french, english, "#1a5fb4", false, 300, 90, false, 3, 30, 60, 0);
    }

    @Test
    void theEnglishInterfaceShowsTheEnglishPresentation() {
        assertThat(town("Une ville", "A town").presentation(Locale.ENGLISH)).contains(new Presentation("A town", "en"));
        assertThat(town("Une ville", "A town").presentation(Locale.FRENCH)).contains(new Presentation("Une ville", "fr"));
    }

    @Test
    void withoutAnEnglishPresentationTheFrenchOneIsShownAndSaidToBeFrench() {
        assertThat(town("Une ville", "").presentation(Locale.ENGLISH)).contains(new Presentation("Une ville", "fr"));
        assertThat(town("Une ville", "  ").presentation(Locale.UK)).contains(new Presentation("Une ville", "fr"));
    }

    @Test
    void withoutAnyPresentationThereIsNone() {
        assertThat(town("", "").presentation(Locale.ENGLISH)).isEmpty();
        assertThat(town("", "A town").presentation(Locale.FRENCH)).isEmpty();
    }
}
