package org.participe.accounts;

/** A person as others see them: an id and a display name. */
public record AccountName(long id, String displayName) {
}
