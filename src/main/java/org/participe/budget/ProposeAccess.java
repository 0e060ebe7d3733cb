package org.participe.budget;

/** Whether the current person may propose a project in a campaign now and, when not, why: views show the matching words. */
public enum ProposeAccess {
    /** A confirmed resident, during submission. */
    ALLOWED,
    /** A visitor, during submission: signing in comes first. */
    SIGN_IN,
    /** An account whose e-mail address is not confirmed yet. */
    CONFIRM_EMAIL,
    /** An account an official blocked, or without the resident role. */
    NOT_ALLOWED,
    /** Submission is not open. */
    CLOSED;

    /** Whether to offer "Propose a project" (to those who can, or can after a step of their own). */
    public boolean offered() {
        return this == ALLOWED || this == SIGN_IN || this == CONFIRM_EMAIL;
    }
}
