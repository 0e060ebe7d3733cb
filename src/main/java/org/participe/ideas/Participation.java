package org.participe.ideas;

/**
 * Whether the current person may take part (support, comment) and, when not, why: views show the
 * matching words and links, and never work it out from roles themselves.
 */
public enum Participation {
    /** A confirmed resident. */
    ALLOWED,
    /** A visitor: signing in (or up) comes first. */
    SIGN_IN,
    /** An account whose e-mail address is not confirmed yet. */
    CONFIRM_EMAIL,
    /** An account an official blocked. */
    BLOCKED,
    /** A confirmed account without the resident role (staff, administrators): it reads. */
    READ_ONLY,
    /** Nobody may: the idea is closed to it (its status, or hidden). */
    CLOSED
}
