package org.participe.accounts;

import java.time.Instant;
import java.util.Set;

/** One line of the admin's list of people. */
public record PersonRow(long id, String displayName, String email, boolean confirmed, Set<String> roles, Instant createdAt) {
}
