package org.participe.base.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TypedTextTest {

    @Test
    void markupQuotesEmojiAndLineBreaksAreText() {
        assertThat(TypedText.problem("<script>alert(1)</script> ' or '1'='1 % _ \\")).isEmpty();
        assertThat(TypedText.problem("Vélo 🚲 👩‍👩‍👧‍👦 \u202Einversé\u202C Zéro\u200Blargeur")).isEmpty();
        assertThat(TypedText.problem("première ligne\r\n\tseconde ligne")).isEmpty();
        assertThat(TypedText.problem("")).isEmpty();
        assertThat(TypedText.problem(null)).isEmpty();
    }

    @Test
    void controlCharactersAndHalvesOfSurrogatePairsAreNotText() {
        assertThat(TypedText.problem("avant\u0000après")).contains(TypedText.CHARACTERS);
        assertThat(TypedText.problem("texte\u001B[31m")).contains(TypedText.CHARACTERS);
        assertThat(TypedText.problem("texte\u0085")).contains(TypedText.CHARACTERS);
        assertThat(TypedText.problem("avant \uD83D après")).contains(TypedText.CHARACTERS);
        assertThat(TypedText.problem("avant \uDE00")).contains(TypedText.CHARACTERS);
        assertThat(TypedText.problem("fin \uD83D")).contains(TypedText.CHARACTERS);
    }

    @Test
    void textShowingNothingIsRefusedAsInvisible() {
        assertThat(TypedText.problem("\u200B\u200B\u200B")).contains(TypedText.INVISIBLE);
        assertThat(TypedText.problem("\u200D\u200C\u2060\uFEFF\u202E")).contains(TypedText.INVISIBLE);
        assertThat(TypedText.problem("\u3164\u3164 \u00A0")).contains(TypedText.INVISIBLE);
        assertThatThrownBy(() -> TypedText.require("title", "\u200B\u200B"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get("title").messageKey()).isEqualTo(TypedText.INVISIBLE));
    }

    @Test
    void lengthCountsCharactersAsPostgresqlDoes() {
        assertThat(TypedText.length("𝕻𝖆𝖗𝖙")).isEqualTo(4);
        assertThat("𝕻𝖆𝖗𝖙".length()).isEqualTo(8);
        assertThat(TypedText.length("é")).isEqualTo(1);
    }

    @Test
    void aSearchKeepsOnlyTextAndAtMostTwoHundredCharacters() {
        assertThat(TypedText.forSearch(" parc\u0000ombragé \uD83D ")).isEqualTo("parc ombragé");
        assertThat(TypedText.forSearch("a".repeat(10 * 1024 * 1024))).hasSize(TypedText.SEARCH_MAX);
        assertThat(TypedText.forSearch("a".repeat(199) + "😀")).as("no half emoji at the cut").isEqualTo("a".repeat(199));
        assertThat(TypedText.forSearch(null)).isEmpty();
        assertThat(TypedText.forSearch("' or '1'='1 %_")).isEqualTo("' or '1'='1 %_");
    }
}
