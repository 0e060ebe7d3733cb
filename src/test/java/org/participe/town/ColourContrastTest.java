package org.participe.town;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ColourContrastTest {

    @Test
    void measuresContrastWithWhiteAsWcagDefinesIt() {
        assertThat(ColourContrast.withWhite("#000000")).isCloseTo(21.0, within(0.01));
        assertThat(ColourContrast.withWhite("#ffffff")).isCloseTo(1.0, within(0.01));
        assertThat(ColourContrast.withWhite("#1a5fb4")).isGreaterThan(ColourContrast.MINIMUM_WITH_WHITE);
        assertThat(ColourContrast.withWhite("#ffbf47")).isLessThan(ColourContrast.MINIMUM_WITH_WHITE);
        assertThat(ColourContrast.withWhite("#767676")).isCloseTo(4.54, within(0.01));
    }

    @Test
    void recognisesOnlyHexColours() {
        assertThat(ColourContrast.isHexColour("#1A5fb4")).isTrue();
        assertThat(ColourContrast.isHexColour("blue")).isFalse();
        assertThat(ColourContrast.isHexColour("#12345")).isFalse();
        assertThat(ColourContrast.isHexColour(null)).isFalse();
    }
}
