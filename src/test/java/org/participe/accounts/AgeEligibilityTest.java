package org.participe.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.Year;

import org.junit.jupiter.api.Test;

class AgeEligibilityTest {

    private static final LocalDate VOTE_DAY = LocalDate.of(2026, 6, 14);

    @Test
    void theTownsRuleIsSixteen() {
        assertThat(AgeEligibility.TOWN.minimumAge()).isEqualTo(16);
    }

    @Test
    void fromADateOfBirthEligibleFromTheSixteenthBirthdayOn() {
        assertThat(AgeEligibility.TOWN.isEligible(LocalDate.of(2010, 6, 14), VOTE_DAY)).as("16 that very day").isTrue();
        assertThat(AgeEligibility.TOWN.isEligible(LocalDate.of(2010, 6, 15), VOTE_DAY)).as("16 the next day").isFalse();
        assertThat(AgeEligibility.TOWN.isEligible(LocalDate.of(1950, 1, 1), VOTE_DAY)).isTrue();
        assertThat(AgeEligibility.TOWN.isEligible(LocalDate.of(2030, 1, 1), VOTE_DAY)).as("born after the day").isFalse();
    }

    @Test
    void aTwentyNinthOfFebruaryBirthdayIsReachedOnTheTwentyEighthInOtherYears() {
        LocalDate leapling = LocalDate.of(2008, 2, 29);
        assertThat(AgeEligibility.TOWN.isEligible(leapling, LocalDate.of(2024, 2, 28))).isFalse();
        assertThat(AgeEligibility.TOWN.isEligible(leapling, LocalDate.of(2024, 2, 29))).isTrue();
        assertThat(AgeEligibility.TOWN.isEligible(LocalDate.of(2009, 2, 28), LocalDate.of(2025, 2, 28))).isTrue();
    }

    @Test
    void fromAYearOfBirthEligibleForTheWholeYearOfTheSixteenthBirthday() {
        assertThat(AgeEligibility.TOWN.isEligible(Year.of(2010), LocalDate.of(2026, 1, 1))).isTrue();
        assertThat(AgeEligibility.TOWN.isEligible(Year.of(2010), LocalDate.of(2025, 12, 31))).isFalse();
        assertThat(AgeEligibility.TOWN.isEligible(Year.of(2011), VOTE_DAY)).isFalse();
        assertThat(AgeEligibility.TOWN.isEligible(2010, VOTE_DAY)).isTrue();
    }

    @Test
    void anUnknownYearOfBirthIsNotEligible() {
        assertThat(AgeEligibility.TOWN.isEligible((Integer) null, VOTE_DAY)).isFalse();
    }

    @Test
    void theMinimumAgeIsTheTownsToChoose() {
        AgeEligibility adults = new AgeEligibility(18);
        assertThat(adults.isEligible(LocalDate.of(2008, 6, 14), VOTE_DAY)).isTrue();
        assertThat(adults.isEligible(LocalDate.of(2008, 6, 15), VOTE_DAY)).isFalse();
        assertThat(adults.isEligible(2010, VOTE_DAY)).isFalse();
        assertThat(new AgeEligibility(0).isEligible(VOTE_DAY, VOTE_DAY)).as("born that day, no minimum").isTrue();
        assertThatThrownBy(() -> new AgeEligibility(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
