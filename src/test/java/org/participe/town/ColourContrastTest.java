package org.participe.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ColourContrastTest {

    @Test
    void measuresContrastWithWhiteAsWcagDefinesIt() {
        assertThat(ColourContrast.withWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(ColourContrast.withWhite("#ffffff")).isCloseTo(1.0, within(0.01));
        assertThat(ColourContrast.withWhite("#1a5fb4")).isGreaterThan(ColourContrast.MINIMUM_WITH_WHITE);
        assertThat(ColourContrast.withWhite("#ffbf47")).isLessThan(ColourContrast.MINIMUM_WITH_WHITE);
        assertThat(ColourContrast.withWhite("#767676")).isCloseTo(4.54, within(0.01));
        assertThat(ColourContrast.between("#767676", "#ffffff")).isEqualTo(ColourContrast.between("#ffffff", "#767676"));
    }

    @Test
    void recognisesOnlyHexColours() {
        assertThat(ColourContrast.isHexColour("#1A5fb4")).isTrue();
        assertThat(ColourContrast.isHexColour("blue")).isFalse();
        assertThat(ColourContrast.isHexColour("#12345")).isFalse();
        assertThat(ColourContrast.isHexColour(null)).isFalse();
    }

    @Test
    void aColourReadableOnWhiteButNotOnThePagesLightGreyIsRefused() {
        // 4.54:1 on white, 4.23:1 on the light grey behind figures and tags.
        assertThat(ColourContrast.isAccepted("#767676")).isFalse();
        assertThat(ColourContrast.weakest("#767676")).isCloseTo(4.23, within(0.01));
        assertThat(ColourContrast.isAccepted("#1a5fb4")).isTrue();
        assertThat(ColourContrast.isAccepted("#ffbf47")).isFalse();
    }

    @Test
    void everyAcceptedColourKeepsTextAndFocusIndicatorsAboveTheirMinimums() {
        Random random = new Random(15);
        int accepted = 0;
        for (int i = 0; i < 20_000; i++) {
            String colour = String.format("#%06x", random.nextInt(0x1000000));
            if (!ColourContrast.isAccepted(colour)) {
                continue;
            }
            accepted++;
            // Text in the colour on white and light grey, white text on the colour.
            assertThat(ColourContrast.between(colour, ColourContrast.WHITE)).isGreaterThanOrEqualTo(4.5);
            assertThat(ColourContrast.between(colour, ColourContrast.LIGHT_SURFACE)).isGreaterThanOrEqualTo(4.5);
            // The focus ring drawn on the colour (header, hero) against the colour.
            assertThat(ColourContrast.between(ColourContrast.FOCUS_ON_TOWN_COLOUR, colour)).as(colour).isGreaterThanOrEqualTo(3.0);
        }
        assertThat(accepted).isGreaterThan(1000);
        // The ring on light surfaces does not depend on the town colour.
        assertThat(ColourContrast.between(ColourContrast.FOCUS_ON_LIGHT, ColourContrast.WHITE)).isGreaterThanOrEqualTo(3.0);
        assertThat(ColourContrast.between(ColourContrast.FOCUS_ON_LIGHT, ColourContrast.LIGHT_SURFACE)).isGreaterThanOrEqualTo(3.0);
        // The old yellow ring did not.
        assertThat(ColourContrast.between("#ffbf47", ColourContrast.WHITE)).isLessThan(3.0);
    }
}
