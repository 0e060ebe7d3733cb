package org.participe.budget.internal;

import java.util.Set;
import java.util.UUID;

/** A ballot as found through its voter key: its choices and the receipt of its last cast. */
public record StoredBallot(UUID id, Set<Long> choices, String receipt) {
}
