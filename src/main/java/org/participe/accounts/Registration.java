package org.participe.accounts;

import java.util.Locale;

/** What a newcomer fills in on the sign-up form. */
public record Registration(String email, String displayName, String password, Long neighbourhoodId,
                           Integer birthYear, Sex sex, boolean termsAccepted, Locale locale) {
}
