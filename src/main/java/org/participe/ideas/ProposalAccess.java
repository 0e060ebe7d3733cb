package org.participe.ideas;

/**
 * Whether the current person may propose an idea and, when not, why: views show the matching
 * words and links, and never work it out from roles themselves.
 */
public enum ProposalAccess {
    /** A confirmed resident. */
    ALLOWED,
    /** A visitor: signing in (or up) comes first. */
    SIGN_IN,
    /** An account whose e-mail address is not confirmed yet. */
    CONFIRM_EMAIL,
    /** An account an official blocked. */
    BLOCKED,
    /** A confirmed account without the resident role (staff, administrators): ideas are residents' voice. */
    RESIDENTS_ONLY;

    public boolean canPropose() {
        return this == ALLOWED;
    }

    /** Whether to offer "Propose an idea": to those who can, or can after a step of their own (signing in, confirming). */
    public boolean offered() {
        return this == ALLOWED || this == SIGN_IN || this == CONFIRM_EMAIL;
    }
}
