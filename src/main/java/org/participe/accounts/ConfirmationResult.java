package org.participe.accounts;

/** What following an e-mail link did. */
public enum ConfirmationResult {
    CONFIRMED, EMAIL_CHANGED, INVALID, EXPIRED, EMAIL_TAKEN
}
