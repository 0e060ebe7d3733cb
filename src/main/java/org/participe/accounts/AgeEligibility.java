package org.participe.accounts;

import java.time.LocalDate;
import java.time.Period;
import java.time.Year;

/**
 * Who is old enough to take part (sign up, vote for a citizens' budget, apply to be drawn for the
 * council): aged at least {@code minimumAge} on a given day. The town's rule is 16, as for the CPC
 * and on CONSUL; a vote or a draw with another rule builds its own policy.
 *
 * <p>Accounts keep only a year of birth. From a year alone, a person counts as having their
 * birthday on 1 January: someone born in 2010 is 16 for the whole of 2026. This is the rule sign-up
 * has always applied (the year of the day minus the year of birth), it never refuses someone who is
 * old enough, and a vote or draw that needs the exact day asks for a date of birth instead. An
 * unknown year of birth is not eligible: the person has not said they are old enough.
 */
public record AgeEligibility(int minimumAge) {

    /** The town's minimum age to take part. */
    public static final int TOWN_MINIMUM_AGE = 16;

    /** The town's rule. */
    public static final AgeEligibility TOWN = new AgeEligibility(TOWN_MINIMUM_AGE);

    public AgeEligibility {
        if (minimumAge < 0 || minimumAge > 150) {
            throw new IllegalArgumentException("A minimum age between 0 and 150, not " + minimumAge);
        }
    }

    /** Aged at least the minimum on {@code day}, from an exact date of birth (a 29 February birthday falls on 28 February). */
    public boolean isEligible(LocalDate dateOfBirth, LocalDate day) {
        return !dateOfBirth.isAfter(day) && Period.between(dateOfBirth, day).getYears() >= minimumAge;
    }

    /** Aged at least the minimum on {@code day}, from a year of birth only (counted from 1 January of that year). */
    public boolean isEligible(Year yearOfBirth, LocalDate day) {
        return isEligible(yearOfBirth.atDay(1), day);
    }

    /** As {@link #isEligible(Year, LocalDate)} for a year of birth as accounts keep it: {@code null} (not given) is not eligible. */
    public boolean isEligible(Integer yearOfBirth, LocalDate day) {
        return yearOfBirth != null && isEligible(Year.of(yearOfBirth), day);
    }
}
