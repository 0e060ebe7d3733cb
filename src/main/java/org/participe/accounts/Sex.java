package org.participe.accounts;

/** Declared only by choice, used only for anonymous participation statistics. */
public enum Sex {
    FEMALE, MALE, OTHER
}
