package org.participe.accounts;

import java.util.Set;

/** An account created already confirmed by an administrator (demo data, later bulk imports). */
public record ImportedAccount(String email, String displayName, Long neighbourhoodId, Integer birthYear, Sex sex, Set<String> roles) {
}
