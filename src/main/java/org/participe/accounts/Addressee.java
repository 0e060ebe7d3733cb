package org.participe.accounts;

import java.util.Locale;

/** Someone other modules may write to: a confirmed account's address, name and language. */
public record Addressee(long accountId, String email, String displayName, Locale locale) {
}
