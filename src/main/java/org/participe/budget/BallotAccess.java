package org.participe.budget;

/**
 * Whether the current person may fill a ballot of a campaign and, when not, why: the ballot page
 * shows the matching explanation and never works it out itself.
 */
public enum BallotAccess {
    /** May vote (in the envelopes the ballot page lists). */
    ALLOWED,
    /** A visitor: signing in (or up) comes first. */
    SIGN_IN,
    /** An account whose e-mail address is not confirmed yet. */
    CONFIRM_EMAIL,
    /** An account an official blocked. */
    BLOCKED,
    /** No year of birth declared: the person has not said they are old enough. */
    BIRTH_YEAR_MISSING,
    /** Younger than the campaign's minimum age. */
    TOO_YOUNG,
    /** The vote has not opened yet. */
    NOT_OPEN_YET,
    /** The vote has closed. */
    CLOSED;

    public boolean allowed() {
        return this == ALLOWED;
    }
}
