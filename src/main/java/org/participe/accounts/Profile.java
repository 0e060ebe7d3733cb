package org.participe.accounts;

import java.time.Instant;
import java.util.Set;

/** The signed-in person's own account, as the profile page shows it. */
public record Profile(long id, String email, String displayName, Long neighbourhoodId, Integer birthYear, Sex sex,
                      String locale, boolean confirmed, Set<String> roles, Instant createdAt, long version) {
}
